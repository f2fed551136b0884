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

function sectionLines(section: Section): string[] {
	const lines = [`## ${section.title}`, '', section.description, ''];
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
	return lines;
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
		...sections.flatMap(sectionLines),
	];
	return `${lines.join('\n')}\n`;
}

/**
 * The results written before with these sections measured anew: each replaces the section of the
 * same title (or is added at the end), with a line saying when and where it was measured.
 */
export function withSections(
	written: string,
	sections: Section[],
	machine: string[],
	part: string,
): string {
	let text = written;
	for (const section of sections) {
		const note = `_Measured again on its own (\`npm run bench -- ${part}\`): ${machine.join('; ')}._`;
		const block = `${[...sectionLines(section).slice(0, 2), note, '', ...sectionLines(section).slice(2)].join('\n')}\n`;
		const start = text.indexOf(`## ${section.title}\n`);
		if (start < 0) {
			text = `${text}\n${block}`;
			continue;
		}
		const next = text.indexOf('\n## ', start + 1);
		text = `${text.slice(0, start)}${block}${next < 0 ? '' : text.slice(next + 1)}`;
	}
	return text;
}
