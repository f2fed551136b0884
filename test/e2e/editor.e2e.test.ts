import type { Locator, Page } from 'playwright-core';

import { BiginTrigger } from '../../nodes/Bigin/BiginTrigger.node';
import { WAITING_FOR_A_CHANGE } from '../../nodes/Bigin/trigger/descriptions';
import { n8nVersion } from '../../tools/n8n/paths';
import { DEFAULT_CLIENT } from '../../tools/simulator';
import type { EditorSession } from '../support/browser';
import {
	inBrowser,
	openEditor,
	pickOption,
	pickOptions,
	screenshot,
	scrolledTo,
	searchPicker,
} from '../support/browser';
import type { E2eEnvironment } from '../../tools/n8n/environment';
import {
	CREDENTIAL,
	scenario,
	startEnvironment,
	triggerWorkflow,
} from '../../tools/n8n/environment';
import { simulatorCredential } from '../../tools/n8n/simulatorCredential';

jest.setTimeout(5 * 60 * 1000);

/** What n8n's picker shows for the Bigin pair: the trigger's description (n8n merges the two). */
const PICKER_DESCRIPTION = new BiginTrigger().description.description;
const PUBLISHED_WORKFLOW = 'wfEditorLive0001';
const CHANNEL_ID = '1735689600123';
/** Connected before ZohoBigin.settings.fields.READ was added to the Scope. */
const NARROW_CREDENTIAL = { id: 'biginNarrowScope1', name: 'Bigin (no field scope)' };
const NARROW_SCOPE = 'ZohoBigin.notifications.ALL,ZohoBigin.modules.ALL';
const SCOPE_WORKFLOW = 'wfEditorScope001';

type NodeCredential = { id: string; name: string };

/** A Bigin node of a workflow, named, with its parameters and credential. */
function biginNode(name: string, parameters: object, credential: NodeCredential, x: number) {
	return {
		id: `${name.replace(/\W/g, '')}-node`,
		name,
		type: 'n8n-nodes-bigin.bigin',
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { biginOAuth2Api: credential },
	};
}

/** Trigger manually, then Bigin nodes one after the other (no connections needed to open them). */
function workflowOf(id: string, name: string, nodes: object[]) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: `${id}-start`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [-300, 0],
				parameters: {},
			},
			...nodes,
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const createContact = { resource: 'record', operation: 'create', module: 'Contacts' };
const getManyContacts = {
	resource: 'record',
	operation: 'getAll',
	module: 'Contacts',
	limit: 5,
};

describe(`The editor in Chromium, on a real n8n ${n8nVersion()}`, () => {
	let env: E2eEnvironment;
	let session: EditorSession;
	let page: Page;

	beforeAll(async () => {
		env = await startEnvironment('editor');
		await env.n8n.importCredentials([
			await simulatorCredential(env.sim.url, NARROW_CREDENTIAL, NARROW_SCOPE),
		]);
		await env.n8n.importWorkflow(
			workflowOf(SCOPE_WORKFLOW, 'Bigin editor e2e: scopes and labels', [
				biginNode('Create Narrow', createContact, NARROW_CREDENTIAL, 0),
				biginNode('List Narrow', getManyContacts, NARROW_CREDENTIAL, 300),
				biginNode(
					'Find Contacts',
					{
						...createContact,
						operation: 'search',
						conditions: { condition: [{ field: 'Last_Name', operator: 'equals', value: 'x' }] },
					},
					CREDENTIAL,
					600,
				),
			]),
		);
		// A published Bigin Trigger keeps a channel live, so the simulator's page has a receiver.
		await env.n8n.importWorkflow(
			triggerWorkflow(PUBLISHED_WORKFLOW, '0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b', ['Contacts.all']),
		);
		await env.n8n.publish(PUBLISHED_WORKFLOW);
		await env.n8n.start();
		await env.n8n.login();
		session = await openEditor(env.n8n.url);
		page = session.page;
	});
	afterAll(async () => {
		await session?.close();
		await env?.stop();
	});

	const ndv = () => page.getByTestId('ndv');
	const outputPanel = () => ndv().getByTestId('output-panel');
	const pickerText = async () => await page.getByTestId('node-creator').innerText();

	async function openBiginInPicker(): Promise<void> {
		const entry = await searchPicker(page, 'Bigin', 'Bigin');
		expect(await entry.getByTestId('node-creator-item-description').innerText()).toBe(
			PICKER_DESCRIPTION,
		);
		await entry.click();
	}

	/** The output panel's error, once it says `text`. */
	async function errorSaying(text: string): Promise<string> {
		const message = outputPanel().getByTestId('node-error-message').filter({ hasText: text });
		await message.waitFor();
		return await message.innerText();
	}

	/** The simulator's page, its delivery log emptied so that every row shown is a new one. */
	async function openSimulatorPage(): Promise<Page> {
		await fetch(`${env.sim.url}/_sim/deliveries`, { method: 'DELETE' });
		const simulator = await session.context.newPage();
		await simulator.goto(`${env.sim.url}/`);
		await simulator.getByTestId('records-Contacts').waitFor();
		return simulator;
	}

	/** Opens a node of the workflow on screen by its name. */
	async function openNode(name: string): Promise<void> {
		if (await ndv().isVisible()) await ndv().getByTestId('ndv-close-button').click();
		await page.getByTestId('canvas-node').filter({ hasText: name }).dblclick();
		await ndv().waitFor();
	}

	/** The field mapper's notice under an empty list (n8n shows it from emptyFieldsNotice). */
	const mapperNotice = () => ndv().getByTestId('empty-fields-notice');

	/** The simulator page's newest delivery row, once it shows `change` and the receiver's answer. */
	async function delivered(simulator: Page, change: RegExp): Promise<Locator> {
		const row = simulator.getByTestId('delivery-row').filter({ hasText: change }).first();
		await row.filter({ hasText: /200 OK/ }).waitFor();
		return row;
	}

	it('1. the node picker finds Bigin where a workflow starts, with trigger actions that read well', async () => {
		await inBrowser(session, 'picker-start', async () => {
			await page.goto(`${env.n8n.url}/workflow/new`);
			await page.getByTestId('canvas-plus-button').click();
			expect(await pickerText()).toContain('What triggers this workflow?');
			await searchPicker(page, 'Zoho Bigin', 'Bigin');
			await openBiginInPicker();
			const overview = await pickerText();
			expect(overview).toMatch(/Triggers \(28\)[\s\S]*On any call change/);
			expect(overview).toMatch(/Actions \(\d+\)/);
			// The list renders only what is near the view: scroll to each, as a person would.
			for (const action of [
				'On any contact change',
				'On contact created',
				'On contact updated',
				'On pipeline record deleted',
			])
				await scrolledTo(page, page.getByTestId('node-creator').getByText(action, { exact: true }));
			const rendered = await pickerText();
			expect(rendered).not.toMatch(/created updated or deleted/i);
			await page.getByText('On contact created', { exact: true }).click();
			await ndv().waitFor();
			expect(await ndv().getByTestId('parameter-input-events').innerText()).toContain(
				'Contact Created',
			);
		});
		scenario('the picker shows Bigin with its description and trigger actions');
	});

	it('2. Execute step on the trigger shows a contact created by clicking on the simulator page', async () => {
		await inBrowser(session, 'listen', async () => {
			const notice = await ndv()
				.getByText(/webhook URL/)
				.innerText();
			expect(notice).toContain("for Zoho's Bigin, a public HTTPS address");
			expect(notice).not.toContain('reachable from the internet');
			expect(await ndv().getByTestId('trigger-header').innerText()).toContain(
				'Pull in record changes from Bigin',
			);
			await pickOptions(page, ndv().getByTestId('parameter-input-events'), ['Any Company Change']);
			// the button as n8n 2.40 labels a webhook trigger's (the README and the panel's help say so)
			const execute = ndv().getByTestId('trigger-execute-button').first();
			expect((await execute.innerText()).trim()).toBe('Execute step');
			await execute.click();
			await ndv().getByTestId('trigger-listening').waitFor();
			await screenshot(page, 'trigger-listening');
			await ndv().getByTestId('ndv-close-button').click();
			await page.getByText(WAITING_FOR_A_CHANGE).waitFor();
			await page.getByTestId('canvas-node').filter({ hasText: 'Bigin Trigger' }).dblclick();
			await ndv().getByTestId('trigger-listening').waitFor();

			const simulator = await openSimulatorPage();
			await simulator.getByTestId('create-Contacts').click();
			const row = await delivered(simulator, /Contacts insert/);
			const recordId = (await row.innerText()).match(/Contacts insert · (\d+)/)?.[1];
			expect(recordId).toBeDefined();
			await simulator.close();

			await page.bringToFront();
			await outputPanel()
				.getByText(recordId as string)
				.first()
				.waitFor();
			await outputPanel().getByTestId('radio-button-json').click();
			await outputPanel().getByText('"Contacts.create"').first().waitFor();
			// The record comes whole, in Bigin's order: Owner first, its name below the fold.
			const output = await outputPanel().innerText();
			expect(output).toMatch(/"recordFound":\s*true/);
			expect(output).toMatch(/"record":\s*\{/);
			await page.mouse.move(10, 10);
			await screenshot(page, 'trigger-record');

			await ndv().getByTestId('ndv-close-button').click();
			expect(await page.getByTestId('canvas-node').first().innerText()).toContain(
				'Contact Created, Any Company Change',
			);
		});
		scenario('Execute step on the trigger showed the contact created on the simulator page');
	});

	it('3. after a trigger, "What happens next?" offers the Bigin actions', async () => {
		await inBrowser(session, 'picker-next', async () => {
			if (await ndv().isVisible()) await ndv().getByTestId('ndv-close-button').click();
			await page.getByTestId('canvas-handle-plus').first().click();
			expect(await pickerText()).toContain('What happens next?');
			await openBiginInPicker();
			const actions = await pickerText();
			expect(actions.search(/Actions \(\d+\)/)).toBeGreaterThan(-1);
			expect(actions.search(/Actions \(\d+\)/)).toBeLessThan(actions.indexOf('Triggers'));
			expect(actions).toContain('Enable a notification channel');
			await page.keyboard.press('Escape');
		});
		scenario('"What happens next?" offers the Bigin actions');
	});

	it('4. the Enable form refuses bad input with its message, then enables a channel', async () => {
		await inBrowser(session, 'enable', async () => {
			await page.goto(`${env.n8n.url}/workflow/new`);
			await page.getByTestId('canvas-plus-button').click();
			await page
				.getByTestId('node-creator-node-item')
				.filter({ hasText: 'Trigger manually' })
				.first()
				.click();
			await page.getByTestId('canvas-handle-plus').first().click();
			await openBiginInPicker();
			await page.getByText('Enable a notification channel', { exact: true }).click();
			await ndv().waitFor();
			const field = (name: string) =>
				ndv().getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
			await field('notifyUrl').fill('https://receiver.example/bigin');
			await pickOptions(page, ndv().getByTestId('parameter-input-events'), [
				'Task Created',
				'Any Call Change',
			]);

			await field('channelId').fill('12ab');
			await ndv().getByTestId('node-execute-button').click();
			await errorSaying('Channel ID "12ab" must be 1 to 18 digits');

			await field('channelId').fill(CHANNEL_ID);
			await pickOption(page, ndv().getByTestId('parameter-input-expiryType'), 'At a Date and Time');
			await field('expiresAt').fill('2031-01-01 10:00:00');
			await field('expiresAt').press('Enter');
			await ndv().getByTestId('node-execute-button').click();
			const refusal = await errorSaying('more than 24 hours ahead');
			expect(refusal).toContain('more than 24 hours ahead: it is now');
			expect(refusal).toContain("read in the workflow's time zone");

			await pickOption(
				page,
				ndv().getByTestId('parameter-input-expiryType'),
				'In a Number of Hours',
			);
			await ndv().getByTestId('node-execute-button').click();
			await outputPanel().getByTestId('node-run-status-success').waitFor();
			await outputPanel().getByText(CHANNEL_ID).first().waitFor();
			const output = await outputPanel().innerText();
			expect(output).toContain(CHANNEL_ID);
			expect(output).toContain('Tasks');
			expect(output).toContain('Calls');
			await screenshot(page, 'enable-form');
			await ndv().getByTestId('ndv-close-button').click();
		});
		const channel = (
			(await (await fetch(`${env.sim.url}/_sim/channels`)).json()) as {
				channels: Array<{ channel_id: string; events: string[] }>;
			}
		).channels.find((live) => live.channel_id === CHANNEL_ID);
		expect(channel?.events).toEqual(['Tasks.create', 'Calls.all']);
		scenario('the Enable form showed its message for bad input, then enabled the channel');
	});

	it("5. the simulator page creates, edits and deletes a record, showing each delivery and the receiver's answer", async () => {
		await inBrowser(session, 'simulator', async () => {
			const simulator = await openSimulatorPage();
			await simulator.getByTestId('channel-row').filter({ hasText: 'Contacts.all' }).waitFor();
			await simulator.getByTestId('create-Contacts').click();
			const created = await delivered(simulator, /Contacts insert/);
			const recordId = (await created.innerText()).match(/Contacts insert · (\d+)/)?.[1] ?? '';
			const record = () =>
				simulator.getByTestId('records-Contacts').getByTestId('record-row').filter({
					hasText: recordId,
				});
			await record().getByTestId('edit-record').click();
			await delivered(simulator, new RegExp(`Contacts update · ${recordId}`));
			await record().filter({ hasText: '(edited' }).waitFor();
			await screenshot(simulator, 'simulator');
			await record().getByTestId('delete-record').click();
			await delivered(simulator, new RegExp(`Contacts delete · ${recordId}`));
			await record().waitFor({ state: 'detached' });
			const headers = await simulator.getByTestId('records-Contacts').locator('th').allInnerTexts();
			expect(headers.slice(0, 3)).toEqual(['ID', 'Last Name', 'Modified']);
			await simulator.close();
		});
		scenario('the simulator page showed create, edit and delete delivered with 200 OK');
	});

	/**
	 * Creates a Bigin OAuth2 API credential for the simulator in n8n's dialog, as a user would:
	 * Data Centre Custom with the simulator's accounts server, its OAuth client, then Connect and
	 * the OAuth popup. Returns the dialog, still open.
	 */
	async function connectInDialog(clientSecret: string): Promise<Locator> {
		await page.goto(`${env.n8n.url}/home/credentials/create`);
		await page.getByTestId('new-credential-type-select').click();
		await page.keyboard.type('Bigin');
		await page
			.getByTestId('new-credential-type-select-option')
			.filter({ hasText: 'Bigin OAuth2 API' })
			.click();
		await page.getByTestId('new-credential-type-button').click();
		const dialog = page.getByTestId('editCredential-modal');
		const field = (name: string) =>
			dialog.getByTestId(`parameter-input-${name}`).locator('input').first();
		await field('clientId').waitFor();
		const fieldsInOrder = (
			await dialog.getByTestId('credential-connection-parameter').allInnerTexts()
		).map((text) => text.split('\n')[0].replace(/ \*$/, ''));
		expect(fieldsInOrder[0]).toMatch(/^In the Zoho API Console/);
		expect(fieldsInOrder.slice(1, 5)).toEqual([
			'Data Centre',
			'Client ID',
			'Client Secret',
			'Scope',
		]);

		await dialog.getByTestId('parameter-input-authUrl').click();
		await page.getByRole('option', { name: /^Custom \(Edit the Authorization URL\)/ }).click();
		const authorizationUrl = dialog.getByTestId('authUrl').getByRole('textbox');
		await authorizationUrl.fill(`${env.sim.url}/oauth/v2/auth`);
		// n8n commits an expression edit after a pause in typing, as a person makes
		await page.waitForTimeout(1000);
		expect(await authorizationUrl.innerText()).toBe(`${env.sim.url}/oauth/v2/auth`);
		await field('clientId').fill(DEFAULT_CLIENT.clientId);
		await field('clientSecret').fill(clientSecret);
		const connect = dialog.getByTestId('quick-connect-button');
		expect((await connect.innerText()).trim()).toBe('Connect');
		const popup = session.context.waitForEvent('page');
		await connect.click();
		await (await popup).waitForEvent('close');
		return dialog;
	}

	it('6. a Bigin OAuth2 credential for the simulator connects through the dialog and its popup', async () => {
		await inBrowser(session, 'credential', async () => {
			const dialog = await connectInDialog(DEFAULT_CLIENT.clientSecret);
			await dialog.getByTestId('oauth-connect-success-banner').waitFor();
			expect(await dialog.getByTestId('oauth-connect-success-banner').innerText()).toContain(
				'Account connected',
			);
			expect(await dialog.innerText()).not.toMatch(/couldn.t connect|test failed/i);
			await screenshot(dialog, 'credential-dialog');
		});
		scenario('Connect completed the OAuth popup and the credential shows connected');
	});

	it("7. Record → Create on a new workflow n8n has just saved: the field mapper, asked before n8n attached the credential, says so, and Retry loads Bigin's fields", async () => {
		await inBrowser(session, 'first-open-mapper', async () => {
			await page.goto(`${env.n8n.url}/workflow/new`);
			await page.getByTestId('canvas-plus-button').click();
			const saved = page.waitForResponse(
				(response) =>
					response.request().method() === 'POST' && /\/rest\/workflows$/.test(response.url()),
			);
			await page
				.getByTestId('node-creator-node-item')
				.filter({ hasText: 'Trigger manually' })
				.first()
				.click();
			// Once saved, the workflow has an id: n8n reloads the usable credentials when a node opens,
			// and attaches one to the new node only after the field mapper has asked for its fields.
			await saved;
			await page.getByTestId('canvas-handle-plus').first().click();
			await openBiginInPicker();
			await page.getByText('Create a record', { exact: true }).click();
			await ndv().waitFor();
			const mapper = ndv().getByTestId('resource-mapper-container');
			await mapperNotice().waitFor();
			expect(await mapperNotice().innerText()).toContain(
				"n8n asked for Bigin's fields before it had attached a credential to this node",
			);
			expect(await mapper.innerText()).toContain("Bigin's fields are not loaded.");
			await mapper.locator('a').filter({ hasText: 'Retry' }).click();
			await mapper.getByText('Last Name', { exact: true }).first().waitFor();
			expect(await mapper.innerText()).not.toContain('not loaded');
			await ndv().getByTestId('ndv-close-button').click();
			expect(
				await page.getByTestId('canvas-node').filter({ hasText: 'Create a record' }).innerText(),
			).toContain('Create a contact');
		});
		scenario("the first-open field mapper said why it was empty, and Retry loaded Bigin's fields");
	});

	it('8. a credential without ZohoBigin.settings.fields.READ: the field mapper and Get Many name the scope and where to add it', async () => {
		await inBrowser(session, 'missing-scope', async () => {
			await page.goto(`${env.n8n.url}/workflow/${SCOPE_WORKFLOW}`);
			await openNode('Create Narrow');
			await mapperNotice().waitFor();
			const notice = await mapperNotice().innerText();
			expect(notice).toContain('GET settings/fields needs ZohoBigin.settings.fields.READ');
			expect(notice).toContain(
				`Add ZohoBigin.settings.fields.READ to the Scope of "${NARROW_CREDENTIAL.name}"`,
			);
			expect(notice).toContain('then reconnect it');

			await openNode('List Narrow');
			await ndv().getByTestId('node-execute-button').click();
			const error = await errorSaying('OAUTH_SCOPE_MISMATCH');
			expect(error).toContain('GET settings/fields needs ZohoBigin.settings.fields.READ');
			expect(await outputPanel().innerText()).toContain(
				`Add ZohoBigin.settings.fields.READ to the Scope of "${NARROW_CREDENTIAL.name}"`,
			);
			await ndv().getByTestId('ndv-close-button').click();
		});
		scenario('a missing scope was named, with where to add it, by the field mapper and Get Many');
	});

	it("9. lists read as words: field types in words, subtitles; labels as n8n's lint rules require them", async () => {
		await inBrowser(session, 'labels', async () => {
			await page.goto(`${env.n8n.url}/workflow/${SCOPE_WORKFLOW}`);
			await page.getByTestId('canvas-node').filter({ hasText: 'Find Contacts' }).waitFor();
			const canvasText = await page.getByTestId('canvas-node').allInnerTexts();
			expect(canvasText.join('\n')).toContain('Search contacts');
			expect(canvasText.join('\n')).toContain('Get many contacts');
			expect(canvasText.join('\n')).not.toMatch(/search: record|getAll: record/);
			await openNode('Find Contacts');
			await ndv().getByText('Field Name or ID').first().waitFor();
			const form = await ndv().innerText();
			// n8n's lint rules (and its package scanner, which ignores disable comments) require the
			// "Name or ID" suffix on a list filled from the service.
			expect(form).toContain('Field Name or ID');
			expect(form).toContain('Operator Name or ID');
			const condition = ndv().getByTestId('parameter-input-field').first();
			await condition.locator('input').first().click();
			await page.keyboard.type('Owner');
			const owner = page.getByRole('option', { name: /Owner\s+User \(owner\)/ });
			await owner.waitFor();
			const ownerText = await owner.innerText();
			expect(ownerText).toContain('User (owner), API name Owner');
			expect(ownerText).not.toContain('ownerlookup');
			await page.keyboard.press('Escape');
			await ndv().getByTestId('ndv-close-button').click();
		});
		scenario("field types in words and readable subtitles, labels as n8n's lint rules want them");
	});

	it('10. a connection Zoho refused (wrong Client Secret): every Bigin node using it says why, once', async () => {
		await inBrowser(session, 'refused-connection', async () => {
			const before = new Set((await biginCredentials()).map((credential) => credential.id));
			// n8n 2.40 decides what its dialog shows from the OAuth popup alone (see the README)
			await connectInDialog('not-the-client-secret');
			const refused = (await biginCredentials()).find((credential) => !before.has(credential.id));
			expect(refused).toBeDefined();
			const workflow = await env.n8n.rest<{ data: { id: string } }>(
				'POST',
				'/workflows',
				workflowOf('wfEditorRefused1', 'Bigin editor e2e: refused connection', [
					biginNode('Create Refused', createContact, refused as NodeCredential, 0),
					biginNode('List Refused', getManyContacts, refused as NodeCredential, 300),
				]),
			);
			expect(workflow.status).toBe(200);
			await page.goto(`${env.n8n.url}/workflow/${workflow.body.data.id}`);
			const reason = 'invalid_client_secret';
			await openNode('Create Refused');
			await mapperNotice().waitFor();
			expect(await mapperNotice().innerText()).toContain(
				`Zoho issued no access token when the credential was connected (${reason}`,
			);
			expect(await mapperNotice().innerText()).toContain(
				'the Client Secret does not match the Client ID',
			);

			await openNode('List Refused');
			await ndv().getByTestId('node-execute-button').click();
			await errorSaying(reason);
			const shown = await outputPanel().innerText();
			expect(shown.split('the Client Secret does not match the Client ID').length - 1).toBe(1);
			await ndv().getByTestId('ndv-close-button').click();
		});
		scenario('a refused connection was named, once, by the field mapper and by an execution');
	});

	/** The ids and names of the Bigin credentials n8n has. */
	async function biginCredentials(): Promise<NodeCredential[]> {
		const listed = await env.n8n.rest<{ data: Array<{ id: string; name: string; type: string }> }>(
			'GET',
			'/credentials',
		);
		return listed.body.data
			.filter((credential) => credential.type === 'biginOAuth2Api')
			.map(({ id, name }) => ({ id, name }));
	}
});
