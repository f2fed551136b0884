import type { IDataObject } from 'n8n-workflow';

import type { HookOptions } from '../../../../tools/contexts/contexts';
import { hookContext } from '../../../../tools/contexts/contexts';
import { testNode } from '../../../../tools/contexts/nodeHarness';
import { readChannelSettings } from '../../../../nodes/Bigin/trigger/settings';

const URL = 'https://n8n.example.com/webhook/0b0f5a2e/webhook';

const hook = (parameters: IDataObject, extra: Partial<HookOptions> = {}) =>
	hookContext({
		node: testNode('biginTrigger'),
		credentials: { clientSecret: 'client-secret', oauthTokenData: {} },
		parameters,
		staticData: {},
		webhookUrl: URL,
		...extra,
	});

describe("Reading the channel's settings from the trigger's parameters", () => {
	it('asks Bigin for the events and options under its own field names, with a derived id and token', async () => {
		const settings = await readChannelSettings(
			hook({
				events: ['Contacts.create', 'Accounts.all'],
				options: { includeChangedValues: true, notifyOnRelatedAction: true, fetchRecords: false },
			}),
		);
		expect(settings).toEqual({
			definition: {
				channel_id: expect.stringMatching(/^\d{15}$/),
				events: ['Contacts.create', 'Accounts.all'],
				notify_url: URL,
				token: expect.stringMatching(/^[\w-]{40}$/),
				notify_on_related_action: true,
				return_affected_field_values: true,
			},
			lifetimeHours: 23,
		});
	});

	it('leaves both options off unless set, and never sends an option Bigin does not know', async () => {
		const { definition } = await readChannelSettings(hook({ events: ['Tasks.all'], options: {} }));
		expect(definition).toMatchObject({
			notify_on_related_action: false,
			return_affected_field_values: false,
		});
		expect(Object.keys(definition)).not.toContain('fetchRecords');
	});

	it('derives the same id and token every time, and others for a test channel, which asks for one hour', async () => {
		const parameters = { events: ['Contacts.all'], options: {} };
		const production = await readChannelSettings(hook(parameters));
		expect((await readChannelSettings(hook(parameters))).definition).toEqual(production.definition);
		const test = await readChannelSettings(hook(parameters, { mode: 'manual' }));
		expect(test.definition.channel_id).not.toBe(production.definition.channel_id);
		expect(test.definition.token).not.toBe(production.definition.token);
		expect(test.lifetimeHours).toBe(1);
	});

	it('refuses events that are not valid, and a credential without Client Secret', async () => {
		await expect(readChannelSettings(hook({ events: [] }))).rejects.toThrow('No events chosen');
		await expect(
			readChannelSettings(
				hook(
					{ events: ['Contacts.all'] },
					{ credentials: { clientSecret: '', oauthTokenData: {} } },
				),
			),
		).rejects.toThrow('no Client Secret');
	});
});
