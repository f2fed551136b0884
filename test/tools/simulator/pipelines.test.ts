import type { SimulatorFixture } from '../../support/simulatorFixture';
import { useSimulator } from '../../support/simulatorFixture';

interface PicklistValue {
	display_value: string;
	actual_value: string;
	maps?: Array<{ api_name: string; pick_list_values: Array<{ actual_value: string }> }>;
}
interface LayoutField {
	api_name: string;
	pick_list_values: PicklistValue[];
}
interface Layout {
	id: string;
	name: string;
	display_label: string;
	sections: Array<{ fields: LayoutField[] }>;
}

describe('Bigin simulator: Team Pipelines, sub-pipelines and stages', () => {
	let client: SimulatorFixture['client'];
	let token: string;
	useSimulator((fixture) => ({ client, token } = fixture));

	const api = (method: string, path: string, body?: unknown) =>
		client.request(method, `/bigin/v2/${path}`, { token, body });

	const layouts = async (): Promise<Layout[]> =>
		(await api('GET', 'settings/layouts?module=Pipelines')).body.layouts;
	const partnerships = async () => (await layouts()).find((l) => l.name === 'Partnerships')!;
	const stagesBySubPipeline = (layout: Layout) => {
		const subPipeline = layout.sections
			.flatMap((section) => section.fields)
			.find((field) => field.api_name === 'Sub_Pipeline')!;
		return Object.fromEntries(
			subPipeline.pick_list_values.map((value) => [
				value.actual_value,
				value
					.maps!.find((map) => map.api_name === 'Stage')!
					.pick_list_values.map((stage) => stage.actual_value),
			]),
		);
	};

	it('lists each Team Pipeline as a layout whose sub-pipelines map to their stages', async () => {
		const all = await layouts();
		expect(all.map((layout) => layout.name)).toEqual([
			'Sales Pipeline',
			'Partnerships',
			'Renewals',
		]);
		expect(stagesBySubPipeline(all[0])).toEqual({
			'Sales Pipeline Standard': [
				'Qualification',
				'Needs Analysis',
				'Proposal',
				'Negotiation',
				'Closed Won',
				'Closed Lost',
			],
			'Enterprise Deals': [
				'Discovery',
				'Solution Design',
				'Security Review',
				'Contract',
				'Closed Won',
				'Closed Lost',
			],
		});
		expect(stagesBySubPipeline(all[1])).toEqual({
			'Partner Onboarding': [
				'Prospect',
				'Agreement Sent',
				'Onboarding',
				'Active Partner',
				'Closed Lost',
			],
		});
	});

	it('gives other modules one standard layout, and needs a settings scope', async () => {
		const contacts = await api('GET', 'settings/layouts?module=Contacts');
		expect(contacts.body.layouts).toHaveLength(1);
		const fields = contacts.body.layouts[0].sections[0].fields;
		expect(fields.map((field: LayoutField) => field.api_name)).toContain('Customer_Tier');
		const narrow = await client.request('GET', '/bigin/v2/settings/layouts?module=Pipelines', {
			token: await client.token('ZohoBigin.settings.fields.READ'),
		});
		expect(narrow.status).toBe(401);
		const layoutsScope = await client.request(
			'GET',
			'/bigin/v2/settings/layouts?module=Pipelines',
			{
				token: await client.token('ZohoBigin.settings.layouts.READ'),
			},
		);
		expect(layoutsScope.status).toBe(200);
	});

	it('seeds pipeline records with their Team Pipeline as { name, id }', async () => {
		const sales = (await layouts())[0];
		const { data } = await client.control('GET', 'records/Pipelines');
		expect(data[0]).toMatchObject({
			Pipeline: { name: 'Sales Pipeline', id: sales.id },
			Sub_Pipeline: 'Sales Pipeline Standard',
			Stage: 'Qualification',
		});
	});

	it('creates a record in a non-default Team Pipeline and moves it across its stages', async () => {
		const layout = await partnerships();
		const created = await api('POST', 'Pipelines', {
			data: [
				{
					Deal_Name: 'Reseller agreement',
					Pipeline: { id: layout.id },
					Sub_Pipeline: 'Partner Onboarding',
					Stage: 'Prospect',
				},
			],
		});
		expect(created.status).toBe(201);
		const id = created.body.data[0].details.id;
		for (const stage of ['Agreement Sent', 'Onboarding', 'Active Partner']) {
			const moved = await api('PUT', 'Pipelines', { data: [{ id, Stage: stage }] });
			expect(moved.status).toBe(200);
		}
		const read = await api('GET', `Pipelines/${id}`);
		expect(read.body.data[0]).toMatchObject({
			Pipeline: { name: 'Partnerships', id: layout.id },
			Sub_Pipeline: 'Partner Onboarding',
			Stage: 'Active Partner',
		});
	});

	it('refuses a stage that is not in the record’s sub-pipeline, naming Stage', async () => {
		const { data } = await client.control('GET', 'records/Pipelines');
		const updated = await api('PUT', 'Pipelines', {
			data: [
				{ id: data[0].id, Stage: 'Onboarding' },
				{ id: data[1].id, Stage: 'Proposal' },
			],
		});
		expect(updated.status).toBe(202);
		expect(updated.body.data[0]).toMatchObject({
			code: 'INVALID_DATA',
			status: 'error',
			details: { api_name: 'Stage', json_path: '$.data[0].Stage' },
		});
		expect(updated.body.data[1].status).toBe('success');
		expect((await api('GET', `Pipelines/${data[0].id}`)).body.data[0].Stage).toBe('Qualification');
	});

	it('refuses a sub-pipeline of another Team Pipeline, naming Sub_Pipeline', async () => {
		const layout = await partnerships();
		const created = await api('POST', 'Pipelines', {
			data: [
				{
					Deal_Name: 'Mixed up',
					Pipeline: { id: layout.id },
					Sub_Pipeline: 'Sales Pipeline Standard',
					Stage: 'Qualification',
				},
			],
		});
		expect(created.status).toBe(202);
		expect(created.body.data[0]).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: 'Sub_Pipeline' },
		});
	});

	it('derives the Team Pipeline from the sub-pipeline, and moves a record to another one', async () => {
		const created = await api('POST', 'Pipelines', {
			data: [{ Deal_Name: 'Big one', Sub_Pipeline: 'Enterprise Deals', Stage: 'Discovery' }],
		});
		expect(created.status).toBe(201);
		const id = created.body.data[0].details.id;
		expect((await api('GET', `Pipelines/${id}`)).body.data[0].Pipeline.name).toBe('Sales Pipeline');
		const renewals = (await layouts()).find((layout) => layout.name === 'Renewals')!;
		const moved = await api('PUT', `Pipelines/${id}`, {
			data: [
				{ Pipeline: { id: renewals.id }, Sub_Pipeline: 'Renewals Standard', Stage: 'Upcoming' },
			],
		});
		expect(moved.status).toBe(200);
		expect((await api('GET', `Pipelines/${id}`)).body.data[0]).toMatchObject({
			Pipeline: { name: 'Renewals', id: renewals.id },
			Stage: 'Upcoming',
		});
	});

	it('requires Sub_Pipeline and Stage on create, and a known Team Pipeline', async () => {
		const created = await api('POST', 'Pipelines', {
			data: [
				{ Deal_Name: 'No stage', Sub_Pipeline: 'Partner Onboarding' },
				{
					Deal_Name: 'Ghost',
					Pipeline: { id: '42' },
					Sub_Pipeline: 'Partner Onboarding',
					Stage: 'Prospect',
				},
			],
		});
		expect(created.body.data[0]).toMatchObject({
			code: 'MANDATORY_NOT_FOUND',
			details: { api_name: 'Stage' },
		});
		expect(created.body.data[1]).toMatchObject({
			code: 'INVALID_DATA',
			details: { api_name: 'Pipeline' },
		});
	});
});
