import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
}

interface Job {
	uses?: string;
	needs?: string | string[];
	container?: string;
	permissions?: Record<string, string>;
	'timeout-minutes'?: number;
	steps?: Step[];
}

interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const workflowText = (file: string): string => readFileSync(join(WORKFLOWS, file), 'utf8');
const workflow = (file: string): Workflow => parse(workflowText(file)) as Workflow;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('GitHub Actions workflows', () => {
	it('CI runs .ci/run on Debian with Node 20 as root, with the git history, within 45 minutes', () => {
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on)).toEqual(
			expect.arrayContaining(['push', 'pull_request', 'workflow_call']),
		);
		const [job] = Object.values(ci.jobs);
		expect(job.container).toMatch(/^node:20-bookworm/);
		expect(job['timeout-minutes']).toBeLessThanOrEqual(45);
		const checkout = job.steps?.find((step) => step.uses?.startsWith('actions/checkout@'));
		expect(checkout?.with?.['fetch-depth']).toBe(0);
		expect(job.steps?.map((step) => step.run).filter(Boolean)).toEqual(['.ci/run']);
	});

	describe('release', () => {
		const release = workflow('release.yml');
		const publishJob = Object.values(release.jobs).find((job) =>
			job.steps?.some((step) => step.run?.includes('npm publish')),
		);

		it('runs on version tags only', () => {
			expect(Object.keys(release.on)).toEqual(['push']);
			expect(release.on.push).toEqual({ tags: ['v*.*.*'] });
		});

		it('publishes with an npm provenance statement, once CI has passed and the tag matches the version', () => {
			const steps = publishJob?.steps ?? [];
			const publish = steps.filter((step) => step.run?.includes('npm publish'));
			expect(publish).toHaveLength(1);
			expect(publish[0].run).toMatch(/^npm publish --provenance\b/);
			const needs = [publishJob?.needs ?? []].flat();
			expect(needs.map((name) => release.jobs[name].uses)).toEqual(['./.github/workflows/ci.yml']);
			const tagCheck = steps.findIndex((step) => step.run?.includes('$GITHUB_REF_NAME'));
			expect(steps[tagCheck].run).toContain(`require('./package.json').version`);
			expect(tagCheck).toBeLessThan(steps.indexOf(publish[0]));
			const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
			expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org');
		});

		it('may mint an OIDC token (npm trusted publishing) in the publishing job only, and write nothing else', () => {
			expect(release.permissions).toEqual({ contents: 'read' });
			expect(publishJob?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
			for (const [name, job] of Object.entries(release.jobs))
				if (job !== publishJob) expect([name, job.permissions]).toEqual([name, undefined]);
		});
	});

	it('hold no npm token: no secrets, no NODE_AUTH_TOKEN or NPM_TOKEN', () => {
		for (const file of readdirSync(WORKFLOWS)) {
			const text = workflowText(file);
			expect([file, text]).not.toEqual([file, expect.stringMatching(/secrets\./)]);
			expect([file, text]).not.toEqual([file, expect.stringMatching(/NODE_AUTH_TOKEN|NPM_TOKEN/)]);
		}
	});
});

describe('package.json points at one GitHub repository', () => {
	const repository = /^git\+https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\.git$/.exec(
		manifest.repository.url,
	);

	it('in repository, homepage and bugs', () => {
		expect(manifest.repository.type).toBe('git');
		expect(repository).not.toBeNull();
		const slug = repository?.[1];
		expect(manifest.homepage).toBe(`https://github.com/${slug}#readme`);
		expect(manifest.bugs).toEqual({ url: `https://github.com/${slug}/issues` });
	});
});
