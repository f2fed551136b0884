import type { RunningSimulator } from '../../tools/simulator';
import { DEFAULT_CLIENT, startSimulator } from '../../tools/simulator';
import type { E2eEnvironment } from '../../tools/n8n/environment';
import {
	eventually,
	executionsOf,
	nodeOutput,
	scenario,
	startEnvironment,
	triggerWorkflow,
} from '../../tools/n8n/environment';
import { n8nVersion } from '../../tools/n8n/paths';
import { customAccountsServerFields } from '../../tools/n8n/simulatorCredential';
import { simClient } from '../../tools/simulator/client';

jest.setTimeout(10 * 60 * 1000);

const REPLAY_WORKFLOW = 'wfBiginReplay001';
const REPLAY_WEBHOOK = '7b3f4e5d-6c7b-4a81-8c9d-1e2f3a4b5c6d';
const REDIRECT_URI = 'http://127.0.0.1/rest/oauth2-credential/callback';

interface TestedCredential {
	id: string;
	name: string;
	type: 'biginOAuth2Api';
	data: Record<string, unknown>;
}

describe(`Bigin Trigger deliveries and the credential test in a real n8n ${n8nVersion()}`, () => {
	let env: E2eEnvironment;
	let sim: ReturnType<typeof simClient>;
	let otherDataCentre: RunningSimulator;
	const tested: Record<string, TestedCredential> = {};

	/** A credential n8n stores after connecting: tokens from the simulator with the given scope. */
	async function connected(id: string, scope: string): Promise<TestedCredential> {
		const token = (await sim.request('POST', '/_sim/tokens', { body: { scope } })).body;
		return {
			id,
			name: id,
			type: 'biginOAuth2Api',
			data: {
				...customAccountsServerFields(env.sim.url),
				clientId: DEFAULT_CLIENT.clientId,
				clientSecret: DEFAULT_CLIENT.clientSecret,
				scope,
				oauthTokenData: {
					access_token: token.access_token,
					refresh_token: token.refresh_token,
					api_domain: token.api_domain,
					token_type: 'Bearer',
					expires_in: token.expires_in,
				},
			},
		};
	}

	/**
	 * What n8n stores when Zoho's login ran at the account's data centre and the credential
	 * exchanged the code at another one: Zoho's HTTP-200 error, and the redirect's parameters.
	 */
	async function connectedThroughWrongAccountsServer(id: string): Promise<TestedCredential> {
		const auth = new URL(`${env.sim.url}/oauth/v2/auth`);
		auth.search = new URLSearchParams({
			response_type: 'code',
			client_id: DEFAULT_CLIENT.clientId,
			redirect_uri: REDIRECT_URI,
			scope: 'ZohoBigin.notifications.ALL',
			access_type: 'offline',
		}).toString();
		const callback = new URL(
			String((await fetch(auth, { redirect: 'manual' })).headers.get('location')),
		);
		const exchanged = await fetch(`${otherDataCentre.url}/oauth/v2/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code: String(callback.searchParams.get('code')),
				redirect_uri: REDIRECT_URI,
				client_id: DEFAULT_CLIENT.clientId,
				client_secret: DEFAULT_CLIENT.clientSecret,
			}).toString(),
		});
		return {
			id,
			name: id,
			type: 'biginOAuth2Api',
			data: {
				...customAccountsServerFields(otherDataCentre.url),
				clientId: DEFAULT_CLIENT.clientId,
				clientSecret: DEFAULT_CLIENT.clientSecret,
				oauthTokenData: {
					...((await exchanged.json()) as object),
					callbackQueryString: {
						location: callback.searchParams.get('location'),
						'accounts-server': callback.searchParams.get('accounts-server'),
					},
				},
			},
		};
	}

	beforeAll(async () => {
		env = await startEnvironment('delivery');
		sim = simClient(env.sim);
		otherDataCentre = await startSimulator();
		tested.good = await connected('biginTestGood001', 'ZohoBigin.notifications.ALL');
		tested.scopeless = await connected('biginTestScope01', 'ZohoBigin.modules.ALL');
		tested.revoked = await connected('biginTestRevoke1', 'ZohoBigin.notifications.ALL');
		tested.wrongServer = await connectedThroughWrongAccountsServer('biginTestWrongDc');
		await env.n8n.importCredentials(Object.values(tested));
		await env.n8n.importWorkflow(
			triggerWorkflow(REPLAY_WORKFLOW, REPLAY_WEBHOOK, ['Contacts.create']),
		);
		await env.n8n.publish(REPLAY_WORKFLOW);
		await env.n8n.start();
		await eventually(
			async () =>
				(await sim.control('GET', 'channels')).channels.some(
					(channel: { notify_url: string }) => channel.notify_url === productionUrl(),
				),
			30_000,
			'the channel',
		);
	});
	afterAll(async () => {
		await env?.stop();
		await otherDataCentre?.stop();
	});

	const productionUrl = () => `${env.n8n.url}/webhook/${REPLAY_WEBHOOK}/webhook`;

	const testCredential = async (credential: TestedCredential) => {
		const response = await env.n8n.rest<{ data: { status: string; message: string } }>(
			'POST',
			'/credentials/test',
			{ credentials: credential },
		);
		expect(response.status).toBe(200);
		return response.body.data;
	};

	it("1. n8n's credential test passes for a connected credential, over one Bigin call", async () => {
		await sim.control('DELETE', 'requests');
		expect(await testCredential(tested.good)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const calls = (await sim.control('GET', 'requests')).requests.map(
			(entry: { method: string; path: string }) => `${entry.method} ${entry.path}`,
		);
		expect(calls).toEqual(['GET /bigin/v2/actions/watch']);
		scenario('credential test: a connected credential passes');
	});

	it('2. it fails for a credential connected through the wrong accounts server, naming where the account lives', async () => {
		const result = await testCredential(tested.wrongServer);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Zoho issued no access token (invalid_code)');
		expect(result.message).toContain(`your Zoho account lives at ${env.sim.url}`);
		expect(result.message).toContain(`this credential uses ${otherDataCentre.url}`);
		scenario(`credential test, wrong accounts server: "${result.message}"`);
	});

	it('3. it fails for a revoked grant and for a missing scope, saying what to do', async () => {
		const refreshToken = String(
			(tested.revoked.data.oauthTokenData as Record<string, unknown>).refresh_token,
		);
		await fetch(`${env.sim.url}/oauth/v2/token/revoke?token=${refreshToken}`, { method: 'POST' });
		const revoked = await testCredential(tested.revoked);
		expect(revoked.status).toBe('Error');
		expect(revoked.message).toContain('revoked');

		const scopeless = await testCredential(tested.scopeless);
		expect(scopeless.status).toBe('Error');
		expect(scopeless.message).toContain('ZohoBigin.notifications.READ');
		scenario(`credential test, revoked grant or missing scope: "${scopeless.message}"`);
	});

	it('4. a notification replayed to the production webhook is answered 200 and logged, and starts nothing; a late one still runs', async () => {
		const webhookUrl = productionUrl();
		const created = await sim.control('POST', 'records/Contacts', { Last_Name: 'Only Once' });
		const recordId = created.data[0].details.id as string;
		const first = await eventually(
			async () => {
				const executions = await executionsOf(env.n8n, REPLAY_WORKFLOW);
				return executions.length === 1 && executions[0].status === 'success'
					? executions[0]
					: undefined;
			},
			30_000,
			'the first execution',
		);
		expect(nodeOutput(first, 'Bigin Trigger')).toEqual([
			expect.objectContaining({ recordId, recordFound: true }),
		]);

		const [delivery] = (await sim.control('GET', 'deliveries')).deliveries.filter(
			(entry: { url: string }) => entry.url === webhookUrl,
		);
		const send = async (body: object) =>
			await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
		expect((await send(delivery.payload)).status).toBe(200);
		await env.n8n.waitFor(
			async () => env.n8n.logs.includes('dropped a notification delivered before'),
			30_000,
			'the log line for the replay',
		);

		const twoHoursLate = { ...delivery.payload, server_time: Date.now() - 2 * 3600 * 1000 };
		expect((await send(twoHoursLate)).status).toBe(200);
		const late = await eventually(
			async () => {
				const executions = await executionsOf(env.n8n, REPLAY_WORKFLOW);
				return executions.length === 2 && executions[0].status === 'success'
					? executions[0]
					: undefined;
			},
			30_000,
			'the late execution',
		);
		expect(nodeOutput(late, 'Bigin Trigger')).toEqual([
			expect.objectContaining({ recordId, recordFound: true }),
		]);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await executionsOf(env.n8n, REPLAY_WORKFLOW)).toHaveLength(2);
		const reads = (await sim.control('GET', 'requests')).requests.filter(
			(entry: { path: string }) => entry.path === `/bigin/v2/Contacts/${recordId}`,
		);
		expect(reads).toHaveLength(2);
		scenario(
			'a replayed notification was answered 200 and logged, and ran nothing; one delivered two hours late ran',
		);
	});
});
