import type { IDataObject, INodeExecutionData, ITriggerResponse } from 'n8n-workflow';

import type { RunningSimulator } from '../../tools/simulator';
import { startSimulator } from '../../tools/simulator';
import type { HookOptions, RegisteredCron, WebhookReply } from '../../tools/contexts/contexts';
import {
	callWebhook,
	executeContext,
	hookContext,
	startReceiver,
	triggerContext,
} from '../../tools/contexts/contexts';
import type { Credentials, LoggedLine, RequestRecorder } from '../../tools/contexts/nodeHarness';
import { simulatorCredentials, testNode } from '../../tools/contexts/nodeHarness';
import type { SimulatorReading } from '../../tools/simulator/readings';
import { simClient } from '../../tools/simulator/client';
import { BiginTrigger } from '../../nodes/Bigin/BiginTrigger.node';
import { derivedVerificationToken } from '../../nodes/Bigin/shared/channelIdentity';
import type { StoredChannel } from '../../nodes/Bigin/trigger/storedChannel';
import { readStoredChannel } from '../../nodes/Bigin/trigger/storedChannel';

export const HOUR = 3600 * 1000;

export interface SimChannel extends IDataObject {
	channel_id: string;
	events: string[];
	notify_url: string;
	token: string;
	expires_in_seconds: number;
}

/**
 * A mini n8n around one Bigin Trigger, against a simulator started under one reading of Bigin:
 * webhook() answers the simulator's notifications, an accepted one runs execute() as an execution
 * would, and hook and trigger contexts share the node's static data like n8n's Workflow does.
 */
export class TriggerHarness {
	sim!: RunningSimulator;
	client!: ReturnType<typeof simClient>;
	receiver!: Awaited<ReturnType<typeof startReceiver>>;
	credentials!: Credentials;
	recorder!: RequestRecorder;
	log!: LoggedLine[];
	staticData!: IDataObject;
	parameters!: IDataObject;
	executions!: INodeExecutionData[][];
	crons!: RegisteredCron[];
	failedExecutions!: Error[];
	triggerResponse?: ITriggerResponse;
	readonly trigger = new BiginTrigger();
	/**
	 * Another node id in every test (the webhook id, and so the channel, stays): what the trigger
	 * remembers per process (notifications, refusals, when it last logged) is kept per node.
	 */
	node = testNode('biginTrigger');
	private static nodes = 0;
	readonly methods = this.trigger.webhookMethods.default;

	/** Registers the jest hooks: one simulator per file under `reading`, fresh state per test. */
	constructor(readonly reading: SimulatorReading) {
		beforeAll(async () => {
			this.sim = await startSimulator({ config: reading.config });
			this.client = simClient(this.sim);
			this.receiver = await startReceiver(async (body) => await this.handleCall(body));
		});
		afterAll(async () => {
			await this.receiver.stop();
			await this.sim.stop();
		});
		beforeEach(async () => {
			this.node = testNode('biginTrigger', { id: `harness-node-${++TriggerHarness.nodes}` });
			this.sim.state.reset();
			this.credentials = await simulatorCredentials(this.sim);
			this.recorder = { requests: [], refreshes: 0 };
			this.log = [];
			this.staticData = {};
			this.crons = [];
			this.executions = [];
			this.failedExecutions = [];
			this.triggerResponse = undefined;
			this.parameters = {
				events: ['Contacts.create', 'Contacts.edit', 'Contacts.delete', 'Accounts.all'],
				options: {},
			};
		});
		afterEach(() => jest.useRealTimers());
	}

	/**
	 * webhook() with the given copy of the static data (n8n's webhook processors read it from the
	 * database) and webhook URL (a process's WEBHOOK_URL); an execution it starts runs execute(), and
	 * one that fails lands in `failedExecutions`, as in n8n's executions list.
	 */
	async handleCall(
		body: unknown,
		staticData = this.staticData,
		extra: Partial<HookOptions> = {},
	): Promise<WebhookReply> {
		const reply = await callWebhook(this.trigger.webhook, {
			node: this.node,
			staticData,
			body,
			identity: this.hook({ staticData, ...extra }),
		});
		if (reply.result.workflowData) {
			const context = executeContext({
				node: this.node,
				credentials: this.credentials,
				parameters: this.parameters,
				input: reply.result.workflowData[0],
				recorder: this.recorder,
				log: this.log,
			});
			try {
				this.executions.push((await this.trigger.execute.call(context))[0]);
			} catch (error) {
				this.failedExecutions.push(error as Error);
			}
		}
		return reply;
	}

	hook(extra: Partial<HookOptions> = {}) {
		return hookContext({
			node: this.node,
			credentials: this.credentials,
			parameters: this.parameters,
			staticData: this.staticData,
			webhookUrl: this.receiver.url,
			recorder: this.recorder,
			log: this.log,
			...extra,
		});
	}

	/** Activation as n8n runs it: checkExists, create when missing, then trigger() and its first tick. */
	async activate(extra: Partial<HookOptions> = {}): Promise<void> {
		const context = this.hook(extra);
		if (!(await this.methods.checkExists.call(context)))
			expect(await this.methods.create.call(context)).toBe(true);
		await this.startTrigger();
		await this.tick();
	}

	async startTrigger(): Promise<void> {
		this.triggerResponse = await this.trigger.trigger.call(
			triggerContext({
				node: this.node,
				credentials: this.credentials,
				parameters: this.parameters,
				staticData: this.staticData,
				crons: this.crons,
				recorder: this.recorder,
				log: this.log,
				failedExecutions: this.failedExecutions,
			}),
		);
	}

	async tick(): Promise<void> {
		await this.crons[this.crons.length - 1].onTick();
	}

	/** The channel a copy of the static data stores (this trigger's by default); a test without one fails. */
	stored(staticData = this.staticData): StoredChannel {
		const channel = readStoredChannel(staticData);
		if (!channel) throw new Error('The static data stores no channel');
		return channel;
	}

	async channels(): Promise<SimChannel[]> {
		return (await this.client.control('GET', 'channels')).channels as SimChannel[];
	}

	/** Bigin calls made since `from` in the request log, leaving out those refused for an expired access token. */
	biginCalls(from = 0): string[] {
		return this.sim.state.requestLog
			.slice(from)
			.filter((entry) => entry.path.startsWith('/bigin/') && entry.status !== 401)
			.map((entry) => entry.method);
	}

	async deleteChannelInBigin(channelId = this.stored().channelId): Promise<void> {
		await this.client.request('DELETE', `/bigin/v2/actions/watch?channel_ids=${channelId}`, {
			token: await this.client.token(),
		});
	}

	/** Changes the channel the way an admin or another tool would: a full PUT, 20 hours to live. */
	async changeChannelInBigin(change: IDataObject): Promise<SimChannel> {
		const [channel] = await this.channels();
		await this.client.request('PUT', '/bigin/v2/actions/watch', {
			token: await this.client.token(),
			body: {
				watch: [
					{
						channel_id: channel.channel_id,
						events: channel.events,
						notify_url: channel.notify_url,
						token: channel.token,
						notify_on_related_action: channel.notify_on_related_action,
						channel_expiry: new Date(Date.now() + 20 * HOUR).toISOString(),
						...change,
					},
				],
			},
		});
		return channel;
	}

	/** The verification token Bigin holds for a channel: derived from the credential's Client Secret. */
	tokenOf(channelId = this.stored().channelId): string {
		return String(derivedVerificationToken(String(this.credentials.clientSecret), channelId));
	}

	/** A notification exactly as Bigin would send it for the channel a copy of the static data stores. */
	async genuineBody(staticData = this.staticData): Promise<IDataObject> {
		const channelId = this.stored(staticData).channelId;
		const [contact] = (await this.client.control('GET', 'records/Contacts')).data;
		return {
			server_time: Date.now(),
			query_params: {},
			module: 'Contacts',
			ids: [contact.id],
			affected_fields: [],
			operation: 'insert',
			channel_id: channelId,
			token: this.tokenOf(channelId),
		};
	}

	/** Moves the clock of n8n and of Bigin (the simulator runs in this process) together; timers stay real. */
	travel(ms: number): void {
		const now = Date.now();
		jest.useFakeTimers({
			doNotFake: [
				'nextTick',
				'setImmediate',
				'setTimeout',
				'setInterval',
				'clearTimeout',
				'clearInterval',
				'queueMicrotask',
				'hrtime',
				'performance',
			],
		});
		jest.setSystemTime(now + ms);
	}
}
