import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from '../../../tools/n8n/paths';

jest.setTimeout(120_000);

/** `npm run scan` as `npm run lint` calls it, on a planted source folder or tarball. */
function scan(args: string[]): { status: number | null; output: string } {
	const result = spawnSync('npm', ['run', '--silent', 'scan', '--', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("n8n's package scan (npm run scan, part of npm run lint)", () => {
	let folder: string;

	beforeAll(async () => {
		folder = await mkdtemp(join(tmpdir(), 'bigin-scan-test-'));
	});
	afterAll(async () => await rm(folder, { recursive: true, force: true }));

	it('is part of npm run lint', async () => {
		const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
		expect(manifest.scripts.lint).toMatch(/&& npm run scan$/);
	});

	it("runs the scanner's parser on the project's TypeScript, not on the 7.0.2 the scanner pins (which breaks the parser)", () => {
		const scanner = require.resolve('@n8n/scan-community-package/package.json');
		const parser = require.resolve('@typescript-eslint/parser', { paths: [scanner] });
		const typescript = require.resolve('typescript/package.json', { paths: [parser] });
		expect(Number(JSON.parse(readFileSync(typescript, 'utf8')).version.split('.')[0])).toBeLessThan(
			7,
		);
	});

	it('passes on the source as it is', () => {
		const result = scan(['--source', ROOT]);
		expect(result.output).toContain('source');
		expect(result.status).toBe(0);
	});

	it('fails the source leg on a restricted global in a node and an overrides field, whatever disable comments say', async () => {
		const source = join(folder, 'source');
		for (const part of ['package.json', 'nodes', 'credentials'])
			await cp(join(ROOT, part), join(source, part), { recursive: true });
		const manifest = JSON.parse(await readFile(join(source, 'package.json'), 'utf8'));
		await writeFile(
			join(source, 'package.json'),
			JSON.stringify({ ...manifest, overrides: { xlsx: '0.18.5' } }, null, '\t'),
		);
		await writeFile(
			join(source, 'nodes', 'Planted.ts'),
			'// eslint-disable-next-line\nexport const later = () => setTimeout(() => undefined, 1);\n',
		);

		const result = scan(['--source', source]);
		expect(result.status).toBe(1);
		expect(result.output).toContain('source');
		expect(result.output).toContain('FAILED');
		expect(result.output).toContain('@n8n/community-nodes/no-restricted-globals');
		expect(result.output).toContain('@n8n/community-nodes/no-overrides-field');
	});

	it('fails the tarball leg on console in compiled code', async () => {
		const unpacked = join(folder, 'tarball', 'package');
		await mkdir(join(unpacked, 'dist'), { recursive: true });
		await cp(join(ROOT, 'package.json'), join(unpacked, 'package.json'));
		await writeFile(join(unpacked, 'dist', 'Planted.node.js'), 'console.log("hello");\n');
		const tarball = join(folder, 'planted.tgz');
		expect(
			spawnSync('tar', ['-czf', tarball, '-C', join(folder, 'tarball'), 'package']).status,
		).toBe(0);

		const result = scan(['--tarball', tarball]);
		expect(result.status).toBe(1);
		expect(result.output).toContain('tarball (planted.tgz): FAILED');
		expect(result.output).toMatch(/Planted\.node\.js[\s\S]*no-console/);
	});
});
