import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INode,
	INodeExecutionData,
	ITriggerFunctions,
	NodeExecutionHint,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { Credentials, LoggedLine, RequestRecorder } from './nodeHarness';
import { oauthHttp, parameterReader, recordingLogger } from './nodeHarness';

export interface ContextOptions {
	node: INode;
	credentials: Credentials;
	parameters: IDataObject | ((itemIndex: number) => IDataObject);
	recorder?: RequestRecorder;
	log?: LoggedLine[];
}

function common(options: ContextOptions) {
	const recorder = options.recorder ?? { requests: [], refreshes: 0 };
	return {
		getNode: () => options.node,
		getCredentials: async () => {
			recorder.credentialReads = (recorder.credentialReads ?? 0) + 1;
			return options.credentials;
		},
		logger: recordingLogger(options.log ?? []),
		httpRequestWithAuthentication: oauthHttp(options.node, options.credentials, recorder),
	};
}

export function executeContext(
	options: ContextOptions & {
		input: INodeExecutionData[];
		continueOnFail?: boolean;
		timezone?: string;
		workflowId?: string;
		/** Collects the hints the node adds to its output, as n8n's output pane shows them. */
		hints?: NodeExecutionHint[];
	},
): IExecuteFunctions {
	const { httpRequestWithAuthentication, ...base } = common(options);
	const read = parameterReader(options.parameters);
	return {
		...base,
		getWorkflow: () => ({
			id: options.workflowId ?? 'workflow-1',
			name: 'Bigin test',
			active: true,
		}),
		getInputData: () => options.input,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) =>
			read(name, itemIndex, fallback),
		getTimezone: () => options.timezone ?? 'Europe/Berlin',
		continueOnFail: () => options.continueOnFail ?? false,
		addExecutionHints: (...hints: NodeExecutionHint[]) => options.hints?.push(...hints),
		helpers: {
			httpRequestWithAuthentication,
			returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })),
		},
	} as unknown as IExecuteFunctions;
}

export interface HookOptions extends ContextOptions {
	staticData: IDataObject;
	webhookUrl: string;
	mode?: 'trigger' | 'manual';
	instanceId?: string;
	workflowId?: string;
}

export function hookContext(options: HookOptions): IHookFunctions {
	const { httpRequestWithAuthentication, ...base } = common(options);
	const read = parameterReader(options.parameters);
	const mode = options.mode ?? 'trigger';
	return {
		...base,
		getNodeParameter: (name: string, fallback?: unknown) => read(name, 0, fallback),
		getWorkflowStaticData: () => options.staticData,
		getNodeWebhookUrl: () => options.webhookUrl,
		getMode: () => mode,
		getActivationMode: () => (mode === 'manual' ? 'manual' : 'activate'),
		getInstanceId: () => options.instanceId ?? 'instance-a',
		getWorkflow: () => ({
			id: options.workflowId ?? 'workflow-1',
			name: 'Bigin test',
			active: true,
		}),
		helpers: { httpRequestWithAuthentication },
	} as unknown as IHookFunctions;
}

export interface RegisteredCron {
	expression: string;
	onTick: () => void;
}

export function triggerContext(
	options: ContextOptions & {
		staticData: IDataObject;
		mode?: 'trigger' | 'manual';
		crons: RegisteredCron[];
		/** Collects what the node hands to saveFailedExecution, as n8n 2.x's executions list would. */
		failedExecutions?: Error[];
		instanceId?: string;
		workflowId?: string;
	},
): ITriggerFunctions {
	const { httpRequestWithAuthentication, ...base } = common(options);
	const read = parameterReader(options.parameters);
	return {
		...base,
		getNodeParameter: (name: string, fallback?: unknown) => read(name, 0, fallback),
		getWorkflowStaticData: () => options.staticData,
		getMode: () => options.mode ?? 'trigger',
		getInstanceId: () => options.instanceId ?? 'instance-a',
		getWorkflow: () => ({
			id: options.workflowId ?? 'workflow-1',
			name: 'Bigin test',
			active: true,
		}),
		...(options.failedExecutions && {
			saveFailedExecution: (error: Error) => options.failedExecutions?.push(error),
		}),
		helpers: {
			httpRequestWithAuthentication,
			registerCron: ({ expression }: { expression: string }, onTick: () => void) => {
				options.crons.push({ expression, onTick });
			},
		},
	} as unknown as ITriggerFunctions;
}

export interface WebhookReply {
	status: number;
	body: unknown;
	result: IWebhookResponseData;
}

export async function callWebhook(
	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>,
	options: {
		node: INode;
		staticData: IDataObject;
		body: unknown;
		/** What the webhook can learn about its workflow, credential and URL, as n8n offers it, and its logger. */
		identity?: IHookFunctions;
	},
): Promise<WebhookReply> {
	const reply = { status: 200, body: undefined as unknown };
	const response = {
		status(code: number) {
			reply.status = code;
			return response;
		},
		json(body: unknown) {
			reply.body = body;
			return response;
		},
		send(body: unknown) {
			reply.body = body;
			return response;
		},
		end() {
			return response;
		},
	};
	const identity = options.identity;
	const context = {
		...(identity && {
			getInstanceId: identity.getInstanceId,
			getWorkflow: identity.getWorkflow,
			getNodeWebhookUrl: identity.getNodeWebhookUrl,
			getMode: identity.getMode,
			getCredentials: identity.getCredentials,
			getNodeParameter: identity.getNodeParameter,
			logger: identity.logger,
		}),
		getNode: () => options.node,
		getWorkflowStaticData: () => options.staticData,
		getBodyData: () => options.body,
		getResponseObject: () => response,
		helpers: { returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
	const result = await webhook.call(context);
	return { ...reply, result };
}

/**
 * A tiny stand-in for n8n's webhook server: it parses JSON like n8n, passes the body to the node's
 * webhook(), answers as n8n would, and hands accepted notifications to `onAccepted`.
 */
export async function startReceiver(
	handle: (body: unknown) => Promise<WebhookReply>,
): Promise<{ url: string; stop: () => Promise<void>; statuses: number[] }> {
	const statuses: number[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			void (async () => {
				let body: unknown = {};
				try {
					body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
				} catch {
					body = Buffer.concat(chunks).toString('utf8');
				}
				const reply = await handle(body);
				statuses.push(reply.status);
				response.writeHead(reply.status, { 'content-type': 'application/json' });
				response.end(reply.result.noWebhookResponse ? JSON.stringify(reply.body) : '');
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}/webhook/0b0f5a2e/webhook`,
		statuses,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
