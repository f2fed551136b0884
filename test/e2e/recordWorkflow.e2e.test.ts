import type { E2eEnvironment } from '../../tools/n8n/environment';
import {
	credentials,
	eventually,
	executionsOf,
	nodeOutput,
	scenario,
	startEnvironment,
	triggerWorkflow,
} from '../../tools/n8n/environment';
import { n8nVersion } from '../../tools/n8n/paths';
import { simClient } from '../../tools/simulator/client';
import { MODULE_FIELDS } from '../../tools/simulator/fields';

jest.setTimeout(10 * 60 * 1000);

const WORKFLOW = 'wfBiginRecords01';
const WEBHOOK = '7b3f4e5d-6c7b-4a81-9c0d-1e2f3a4b5c6d';
const BULK_WORKFLOW = 'wfBiginBulkEdit1';
const BULK_WEBHOOK = '8c4a5f6e-7d8c-4b92-8dae-2f3a4b5c6d7f';
const BULK_TITLE = 'Bulk edited';
const SIGNUP_WORKFLOW = 'wfBiginSignup001';
const SIGNUP_PATH = 'bigin-signup';
const PRIYA = {
	name: 'Priya Partner (priya@bigin-simulator.example)',
	value: '6756839000000311017',
};

const field = (id: string, type: string, required = false, extra: object = {}) => ({
	id,
	displayName: id.replace(/_/g, ' '),
	required,
	defaultMatch: false,
	display: true,
	type,
	...extra,
});

/** Field mapper parameters as the editor saves them: the values and the schema it showed. */
const columns = (value: Record<string, unknown>, schema: object[]) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema,
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

/** Connections that run the nodes one after the other. */
function chain(names: string[]) {
	return Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, index) => [
				name,
				{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
			]),
	);
}

function recordNode(name: string, x: number, parameters: Record<string, unknown>) {
	return {
		id: `${SIGNUP_WORKFLOW}-${name.replace(/\W/g, '')}`,
		name,
		type: 'n8n-nodes-bigin.bigin',
		typeVersion: 1,
		position: [x, 0],
		parameters: { resource: 'record', ...parameters },
		credentials,
	};
}

/**
 * Webhook (a sign-up: name, the deal it came with, the product bought) → Bigin (Record: Create)
 * of a contact with an owner picked from the org's users and tags → Bigin (Record: Create) of a
 * task about the deal (a pipeline record) → Bigin (Record: Link Product) to the contact → Bigin
 * (Record: Get Related Records) of the contact's products, answered to the webhook's caller.
 */
function signupWorkflow() {
	const start = "$('Start').item.json.body";
	return {
		id: SIGNUP_WORKFLOW,
		name: 'Bigin sign-up e2e',
		active: false,
		nodes: [
			{
				id: `${SIGNUP_WORKFLOW}-start`,
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
				parameters: {
					httpMethod: 'POST',
					path: SIGNUP_PATH,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			recordNode('Create Contact', 200, {
				operation: 'create',
				module: 'Contacts',
				columns: columns(
					{ Last_Name: `={{ ${start}.name }}`, Owner: PRIYA.value, Tag: 'Webinar, Newsletter' },
					[
						field('Last_Name', 'string', true),
						field('Owner', 'options', false, { options: [PRIYA] }),
						field('Tag', 'string'),
					],
				),
			}),
			recordNode('Follow-up Task', 400, {
				operation: 'create',
				module: 'Tasks',
				parentModule: 'Pipelines',
				columns: columns(
					{
						Subject: `={{ 'Welcome call: ' + ${start}.name }}`,
						Related_To: `={{ ${start}.dealId }}`,
						Owner: PRIYA.value,
					},
					[
						field('Subject', 'string', true),
						field('Related_To', 'string'),
						field('Owner', 'options', false, { options: [PRIYA] }),
					],
				),
			}),
			recordNode('Link Product', 600, {
				operation: 'linkProduct',
				module: 'Contacts',
				recordId: { __rl: true, mode: 'id', value: "={{ $('Create Contact').item.json.id }}" },
				productId: { __rl: true, mode: 'id', value: `={{ ${start}.productId }}` },
			}),
			recordNode("Contact's Products", 800, {
				operation: 'getRelated',
				module: 'Contacts',
				recordId: { __rl: true, mode: 'id', value: "={{ $('Create Contact').item.json.id }}" },
				relatedList: 'Products',
				returnAll: true,
				options: { fields: ['Product_Name', 'Unit_Price'] },
			}),
		],
		connections: chain([
			'Start',
			'Create Contact',
			'Follow-up Task',
			'Link Product',
			"Contact's Products",
		]),
		settings: { executionOrder: 'v1' },
	};
}

/**
 * Bigin Trigger (contact created) → Bigin (Record: Update) on the contact that started it →
 * Bigin (Record: Create) of a pipeline record for that contact in a Team Pipeline that is not the
 * default one, with typed fields going through n8n's own field mapper handling.
 */
function welcomeWorkflow(renewalsPipelineId: string) {
	const workflow = triggerWorkflow(WORKFLOW, WEBHOOK, ['Contacts.create']);
	return {
		...workflow,
		name: 'Bigin record workflow e2e',
		nodes: [
			...workflow.nodes,
			{
				id: `${WORKFLOW}-update`,
				name: 'Welcome Contact',
				type: 'n8n-nodes-bigin.bigin',
				typeVersion: 1,
				position: [300, 0],
				parameters: {
					resource: 'record',
					operation: 'update',
					module: 'Contacts',
					recordId: { __rl: true, mode: 'id', value: '={{ $json.recordId }}' },
					columns: {
						mappingMode: 'defineBelow',
						value: { Title: 'Welcomed by n8n', Loyalty_Points: 10 },
						matchingColumns: [],
						schema: [
							{
								id: 'Title',
								displayName: 'Title',
								required: false,
								defaultMatch: false,
								display: true,
								type: 'string',
							},
							{
								id: 'Loyalty_Points',
								displayName: 'Loyalty Points (custom)',
								required: false,
								defaultMatch: false,
								display: true,
								type: 'number',
							},
						],
						attemptToConvertTypes: false,
						convertFieldsToString: false,
					},
				},
				credentials,
			},
			{
				id: `${WORKFLOW}-create`,
				name: 'Open Renewal',
				type: 'n8n-nodes-bigin.bigin',
				typeVersion: 1,
				position: [600, 0],
				parameters: {
					resource: 'record',
					operation: 'create',
					module: 'Pipelines',
					teamPipeline: renewalsPipelineId,
					subPipeline: 'Renewals Standard',
					stage: 'Upcoming',
					columns: {
						mappingMode: 'defineBelow',
						value: {
							Deal_Name: "={{ 'Renewal ' + $('Bigin Trigger').item.json.record.Last_Name }}",
							Contact_Name: "={{ $('Bigin Trigger').item.json.recordId }}",
							Amount: 1200,
							Closing_Date: '2027-03-31',
							Renewal_Date: '2027-04-01',
						},
						matchingColumns: [],
						schema: [
							field('Deal_Name', 'string', true),
							field('Contact_Name', 'string'),
							field('Amount', 'number'),
							field('Closing_Date', 'dateTime'),
							field('Renewal_Date', 'dateTime'),
						],
						attemptToConvertTypes: false,
						convertFieldsToString: false,
					},
				},
				credentials,
			},
		],
		connections: {
			'Bigin Trigger': { main: [[{ node: 'Welcome Contact', type: 'main', index: 0 }]] },
			'Welcome Contact': { main: [[{ node: 'Open Renewal', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Bigin Trigger (contact updated) → Bigin (Record: Query, once per execution) listing the
 * contacts a bulk edit gave its title.
 */
function bulkEditWorkflow() {
	const workflow = triggerWorkflow(BULK_WORKFLOW, BULK_WEBHOOK, ['Contacts.edit']);
	return {
		...workflow,
		name: 'Bigin bulk edit e2e',
		nodes: [
			...workflow.nodes,
			{
				id: `${BULK_WORKFLOW}-query`,
				name: 'Query Edited',
				type: 'n8n-nodes-bigin.bigin',
				typeVersion: 1,
				position: [300, 0],
				executeOnce: true,
				parameters: {
					resource: 'record',
					operation: 'query',
					query: `select Last_Name, Title from Contacts where Title = '${BULK_TITLE}' order by Last_Name`,
					returnAll: true,
				},
				credentials,
			},
		],
		connections: {
			'Bigin Trigger': { main: [[{ node: 'Query Edited', type: 'main', index: 0 }]] },
		},
	};
}

describe(`Bigin records in a real n8n ${n8nVersion()}`, () => {
	let env: E2eEnvironment;
	let sim: ReturnType<typeof simClient>;

	beforeAll(async () => {
		env = await startEnvironment('records');
		sim = simClient(env.sim);
		const layouts = await sim.request('GET', '/bigin/v2/settings/layouts?module=Pipelines', {
			token: await sim.token(),
		});
		const renewals = (layouts.body.layouts as Array<{ id: string; name: string }>).find(
			(layout) => layout.name === 'Renewals',
		);
		await env.n8n.importWorkflow(welcomeWorkflow(String(renewals?.id)));
		await env.n8n.importWorkflow(bulkEditWorkflow());
		await env.n8n.importWorkflow(signupWorkflow());
		for (const id of [WORKFLOW, BULK_WORKFLOW, SIGNUP_WORKFLOW]) await env.n8n.publish(id);
		await env.n8n.start();
		await eventually(
			async () => ((await sim.control('GET', 'channels')).channels.length > 1 ? true : undefined),
			30_000,
			'both triggers to register their channels',
		);
	});
	afterAll(async () => await env?.stop());

	it('10. Bigin Trigger → Bigin (Record: Update) → Bigin (Record: Create): a created contact is updated and gets a pipeline record in a non-default Team Pipeline', async () => {
		const created = await sim.control('POST', 'records/Contacts', { Last_Name: 'Adeyemi' });
		const id = String(created.data[0].details.id);
		const execution = await eventually(
			async () => {
				const [latest] = await executionsOf(env.n8n, WORKFLOW);
				return latest?.status === 'success' ? latest : undefined;
			},
			60_000,
			'an execution of the record workflow',
		);
		expect(nodeOutput(execution, 'Welcome Contact')).toEqual([
			expect.objectContaining({ id, Modified_Time: expect.any(String) }),
		]);
		const stored = (await sim.control('GET', 'records/Contacts')).data.find(
			(record: { id: string }) => record.id === id,
		);
		expect(stored).toMatchObject({
			Last_Name: 'Adeyemi',
			Title: 'Welcomed by n8n',
			Loyalty_Points: 10,
		});
		const writes = (await sim.control('GET', 'requests')).requests
			.filter((request: { method: string }) => request.method === 'PUT')
			.map((request: { path: string; status: number }) => `${request.path} ${request.status}`);
		expect(writes).toEqual(['/bigin/v2/Contacts 200']);
		scenario(
			'a contact created in Bigin started the workflow, whose Bigin nodes updated it and opened a renewal in the Renewals Team Pipeline',
		);
	});

	it("11. in n8n's editor, the node loads Team Pipelines and their stages, the operators that fit a field, the field mapper and the record list from Bigin", async () => {
		const ask = async <T>(
			endpoint: string,
			methodName: string,
			currentNodeParameters: object,
			extra = {},
		) => {
			const response = await env.n8n.rest<{ data: T }>(
				'POST',
				`/dynamic-node-parameters/${endpoint}`,
				{
					path: 'parameters.x',
					nodeTypeAndVersion: { name: 'n8n-nodes-bigin.bigin', version: 1 },
					currentNodeParameters: { resource: 'record', ...currentNodeParameters },
					methodName,
					credentials,
					...extra,
				},
			);
			expect(response.status).toBe(200);
			return response.body.data;
		};
		const teams = await ask<Array<{ name: string; value: string }>>('options', 'getTeamPipelines', {
			operation: 'update',
			module: 'Pipelines',
		});
		expect(teams.map((team) => team.name)).toEqual(['Sales Pipeline', 'Partnerships', 'Renewals']);
		const stages = await ask<Array<{ value: string }>>('options', 'getStages', {
			operation: 'update',
			module: 'Pipelines',
			teamPipeline: teams[2].value,
			subPipeline: 'Renewals Standard',
		});
		expect(stages.map((stage) => stage.value)).toEqual([
			'Upcoming',
			'Contacted',
			'Renewed',
			'Churned',
		]);
		const operators = await ask<Array<{ value: string }>>(
			'options',
			'getOperators',
			{
				operation: 'search',
				module: 'Contacts',
				conditions: { condition: [{ field: 'Loyalty_Points', operator: 'equals', value: '' }] },
			},
			{ path: 'parameters.conditions.condition[0].operator' },
		);
		expect(operators.map((operator) => operator.value)).toContain('greater_than');
		expect(operators.map((operator) => operator.value)).not.toContain('starts_with');
		const mapper = await ask<{ fields: Array<{ id: string; required: boolean }> }>(
			'resource-mapper-fields',
			'getMappingFields',
			{ operation: 'create', module: 'Contacts' },
		);
		expect(mapper.fields).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ id: 'Last_Name', required: true }),
				expect.objectContaining({ id: 'Loyalty_Points', required: false }),
				expect.objectContaining({
					id: 'Owner',
					type: 'options',
					options: expect.arrayContaining([PRIYA]),
				}),
				expect.objectContaining({ id: 'Tag', type: 'string' }),
			]),
		);
		const owners = await ask<Array<{ name: string; value: string }>>('options', 'getActiveUsers', {
			operation: 'getAll',
			module: 'Contacts',
		});
		expect(owners).toContainEqual(PRIYA);
		const list = await ask<{ results: Array<{ name: string }> }>(
			'resource-locator-results',
			'searchRecords',
			{ operation: 'get', module: 'Contacts' },
			{ filter: 'Lopez' },
		);
		expect(list.results.map((result) => result.name)).toContain('Maria Lopez');
		scenario(
			"the editor's pipelines, operators, field mapper (Owner from the org's users), owner filter and record list came from Bigin through n8n's own endpoints",
		);
	});

	it("12. Webhook → Bigin (Record: Create) a contact with an owner and tags → Create a task about a pipeline record → Link Product → Get Related Records: the contact's products", async () => {
		const [deal] = (await sim.control('GET', 'records/Pipelines')).data as Array<{
			id: string;
		}>;
		const product = String(
			(
				await sim.control('POST', 'records/Products', {
					Product_Name: 'Onboarding Kit',
					Unit_Price: 49,
				})
			).data[0].details.id,
		);
		const response = await eventually(
			async () => {
				const answer = await fetch(`${env.n8n.url}/webhook/${SIGNUP_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ name: 'Haddad', dealId: deal.id, productId: product }),
				});
				return answer.status === 404 ? undefined : answer;
			},
			30_000,
			`the webhook ${SIGNUP_PATH} to be registered`,
		);
		const body = await response.text();
		expect({ status: response.status, body }).toMatchObject({ status: 200 });
		expect(JSON.parse(body)).toEqual([
			{ id: product, Product_Name: 'Onboarding Kit', Unit_Price: 49 },
		]);
		const contacts = (await sim.control('GET', 'records/Contacts')).data as Array<
			Record<string, unknown>
		>;
		const contact = contacts.find((record) => record.Last_Name === 'Haddad');
		expect(contact).toMatchObject({
			Owner: { id: PRIYA.value, name: 'Priya Partner' },
			Tag: [
				expect.objectContaining({ name: 'Webinar' }),
				expect.objectContaining({ name: 'Newsletter' }),
			],
		});
		const tasks = (await sim.control('GET', 'records/Tasks')).data as Array<
			Record<string, unknown>
		>;
		expect(tasks.find((task) => task.Subject === 'Welcome call: Haddad')).toMatchObject({
			Related_To: { id: deal.id },
			$related_module: 'Pipelines',
			Owner: { id: PRIYA.value },
		});
		const requests = (await sim.control('GET', 'requests')).requests as Array<{
			method: string;
			path: string;
		}>;
		expect(requests.map((request) => `${request.method} ${request.path}`)).toContain(
			`PUT /bigin/v2/Contacts/${String(contact?.id)}/Products/${product}`,
		);
		scenario(
			"a sign-up created a contact owned by Priya with two tags, a task about its deal, linked the product it bought and answered with the contact's products",
		);
	});

	it('13. a bulk edit of 100 contacts is one notification: one item per id with its record, read with one query, then Bigin (Record: Query) lists them', async () => {
		const seeded = await sim.control('POST', 'records/Contacts/bulk', { count: 100 });
		const all = (await sim.control('GET', 'records/Contacts')).data as Array<{ id: string }>;
		const ids = all
			.slice(all.findIndex((record) => record.id === seeded.first_id))
			.map((r) => r.id);
		expect(ids).toHaveLength(100);
		await sim.request('DELETE', '/_sim/requests');
		await sim.request('PUT', '/bigin/v2/Contacts', {
			token: await sim.token(),
			body: { data: ids.map((id) => ({ id, Title: BULK_TITLE })) },
		});
		const execution = await eventually(
			async () =>
				(await executionsOf(env.n8n, BULK_WORKFLOW)).find(
					(candidate) =>
						candidate.status === 'success' && nodeOutput(candidate, 'Bigin Trigger').length === 100,
				),
			60_000,
			'the execution of the bulk edit',
		);
		const items = nodeOutput(execution, 'Bigin Trigger');
		expect(items.map((item) => item.recordId)).toEqual(ids);
		expect(
			items.every(
				(item) =>
					item.recordFound === true &&
					(item.record as { id: string; Title: string }).id === item.recordId &&
					(item.record as { Title: string }).Title === BULK_TITLE,
			),
		).toBe(true);
		const listed = nodeOutput(execution, 'Query Edited');
		expect(listed).toHaveLength(100);
		expect(listed[0]).toEqual({ id: expect.any(String), Last_Name: 'Bulk 1', Title: BULK_TITLE });
		// The trigger's reads of the bulk edit's records (an earlier scenario's executions may still
		// be reading theirs): its queries, one per 50 fields, and no read of one record.
		const bulk = new Set(ids);
		const reads = (
			(await sim.control('GET', 'requests')).requests as Array<{
				method: string;
				path: string;
				selectQuery?: string;
			}>
		)
			.filter((request) =>
				request.path === '/bigin/v2/coql'
					? ids.some((id) => request.selectQuery?.includes(id))
					: /^\/bigin\/v2\/Contacts\/\d+$/.test(request.path) &&
						bulk.has(request.path.split('/').pop() ?? ''),
			)
			.map((request) => `${request.method} ${request.path}`);
		const fieldGroups = Math.ceil(MODULE_FIELDS.Contacts.length / 50);
		expect(reads).toEqual(Array.from({ length: fieldGroups }, () => 'POST /bigin/v2/coql'));
		scenario(
			'a bulk edit of 100 contacts became one execution of 100 items with their records, read with one query; Record: Query listed them',
		);
	});
});
