import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { preProcessFile } from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const TOP_FOLDERS = ['nodes', 'credentials', 'tools', 'test', 'bench', 'scripts'] as const;
type TopFolder = (typeof TOP_FOLDERS)[number];

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|js)$/.test(name) ? [path] : [];
	});
}

function resolveImport(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(dirname(from), specifier);
	return ['.ts', '.js', '/index.ts', '']
		.map((ext) => base + ext)
		.find((path) => {
			return existsSync(path) && statSync(path).isFile();
		});
}

/** Every repository file and the repository files it imports, as paths from the root. */
function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const folder of TOP_FOLDERS) {
		for (const file of sourceFiles(join(ROOT, folder))) {
			const { importedFiles } = preProcessFile(readFileSync(file, 'utf8'), true, true);
			const targets = importedFiles
				.map(({ fileName }) => resolveImport(file, fileName))
				.filter((target): target is string => target !== undefined)
				.map((target) => relative(ROOT, target));
			graph.set(relative(ROOT, file), targets);
		}
	}
	return graph;
}

const topFolderOf = (path: string) => path.split('/')[0] as TopFolder;

/** Which top-level folders each folder may import from; everything else is a violation. */
const ALLOWED: Record<TopFolder, TopFolder[]> = {
	nodes: ['nodes', 'credentials'],
	credentials: ['credentials'],
	tools: ['tools', 'nodes', 'credentials'],
	test: ['test', 'tools', 'nodes', 'credentials', 'bench'],
	bench: ['bench', 'tools', 'nodes', 'credentials'],
	scripts: ['scripts', 'tools'],
};

function cycleIn(graph: Map<string, string[]>): string[] | undefined {
	const done = new Set<string>();
	const onPath: string[] = [];
	const visit = (file: string): string[] | undefined => {
		if (done.has(file)) return undefined;
		const at = onPath.indexOf(file);
		if (at >= 0) return [...onPath.slice(at), file];
		onPath.push(file);
		for (const target of graph.get(file) ?? []) {
			const cycle = visit(target);
			if (cycle) return cycle;
		}
		onPath.pop();
		done.add(file);
		return undefined;
	};
	for (const file of graph.keys()) {
		const cycle = visit(file);
		if (cycle) return cycle;
	}
	return undefined;
}

describe('the import graph of the repository', () => {
	const graph = importGraph();
	const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

	it('reads every top-level folder', () => {
		for (const folder of TOP_FOLDERS) {
			expect([...graph.keys()].some((file) => topFolderOf(file) === folder)).toBe(true);
		}
	});

	it.each(TOP_FOLDERS)('%s/ imports only from the folders it may use', (folder) => {
		const violations = edges
			.filter(({ from }) => topFolderOf(from) === folder)
			.filter(({ to }) => !ALLOWED[folder].includes(topFolderOf(to)))
			.map(({ from, to }) => `${from} -> ${to}`);
		expect(violations).toEqual([]);
	});

	it('test/ is imported by nothing outside it', () => {
		const intoTests = edges.filter(
			({ from, to }) => topFolderOf(to) === 'test' && topFolderOf(from) !== 'test',
		);
		expect(intoTests).toEqual([]);
	});

	it('the simulator keeps its own facts about Bigin: it imports nothing of the product', () => {
		const fromSimulator = edges
			.filter(({ from }) => from.startsWith('tools/simulator/'))
			.filter(({ to }) => !to.startsWith('tools/simulator/'));
		expect(fromSimulator).toEqual([]);
	});

	it('has no import cycles', () => {
		expect(cycleIn(graph)).toBeUndefined();
	});
});
