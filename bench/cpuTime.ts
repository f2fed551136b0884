import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Linux counts process CPU time in clock ticks, nearly always 100 a second. */
const TICKS_PER_SECOND = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
})();

interface ProcessTimes {
	parent: number;
	ticks: number;
}

/** Parent and CPU ticks (user and system, of the process and its reaped children) of every process. */
function processTable(): Map<number, ProcessTimes> {
	const table = new Map<number, ProcessTimes>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The fields after the command name, which may itself hold spaces and parentheses.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			table.set(Number(entry), {
				parent: Number(fields[1]),
				ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
			});
		} catch {
			// The process ended while the table was read.
		}
	}
	return table;
}

/**
 * CPU milliseconds the processes and all their descendants have used so far (n8n's task runners,
 * PostgreSQL's backends). Sampled before and after a load, it measures what the load cost the
 * machine, however the scheduler shared the cores between the processes and the load generator.
 */
export function cpuMilliseconds(roots: number[]): number {
	const table = processTable();
	const children = new Map<number, number[]>();
	for (const [pid, { parent }] of table) {
		const siblings = children.get(parent) ?? [];
		siblings.push(pid);
		children.set(parent, siblings);
	}
	let total = 0;
	const pending = [...roots];
	const seen = new Set<number>();
	while (pending.length > 0) {
		const pid = pending.pop() as number;
		if (seen.has(pid)) continue;
		seen.add(pid);
		total += table.get(pid)?.ticks ?? 0;
		pending.push(...(children.get(pid) ?? []));
	}
	return (total * 1000) / TICKS_PER_SECOND;
}
