export interface Figure {
	name: string;
	value: string;
	target?: string;
	met?: boolean;
}

export interface Section {
	title: string;
	description: string;
	figures: Figure[];
	table?: { header: string[]; rows: string[][] };
}

export function verdict(figure: Figure): string {
	if (figure.met === undefined) return '';
	return figure.met ? 'met' : 'NOT met';
}

export function printSection(section: Section): void {
	process.stdout.write(`\n${section.title}\n`);
	for (const figure of section.figures) {
		const target = figure.target ? `  (target ${figure.target}: ${verdict(figure)})` : '';
		process.stdout.write(`  ${figure.name}: ${figure.value}${target}\n`);
	}
	if (section.table) {
		process.stdout.write(`  ${section.table.header.join(' | ')}\n`);
		for (const row of section.table.rows) process.stdout.write(`  ${row.join(' | ')}\n`);
	}
}

export function markdown(sections: Section[], machine: string[]): string {
	const lines = [
		'# Benchmark results',
		'',
		'Written by `npm run bench`. Each comparison was measured side by side in the same run.',
		'',
		'## Machine',
		'',
		...machine.map((line) => `- ${line}`),
		'',
	];
	for (const section of sections) {
		lines.push(`## ${section.title}`, '', section.description, '');
		if (section.figures.length > 0) {
			lines.push('| Figure | Value | Target | Met |', '| --- | --- | --- | --- |');
			for (const figure of section.figures)
				lines.push(
					`| ${figure.name} | ${figure.value} | ${figure.target ?? ''} | ${verdict(figure)} |`,
				);
			lines.push('');
		}
		if (section.table) {
			lines.push(
				`| ${section.table.header.join(' | ')} |`,
				`| ${section.table.header.map(() => '---').join(' | ')} |`,
			);
			for (const row of section.table.rows) lines.push(`| ${row.join(' | ')} |`);
			lines.push('');
		}
	}
	return `${lines.join('\n')}\n`;
}
