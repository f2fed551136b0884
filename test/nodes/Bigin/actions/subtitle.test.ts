import { Bigin } from '../../../../nodes/Bigin/Bigin.node';

/**
 * The subtitle is an n8n expression; its body is plain JavaScript over `$parameter`, evaluated
 * here directly (the browser suite checks it on n8n's canvas).
 */
function subtitleFor(parameters: Record<string, string>): string {
	const body = String(new Bigin().description.subtitle)
		.replace(/^=\{\{/, '')
		.replace(/\}\}$/, '');
	return new Function('$parameter', `return ${body}`)(parameters) as string;
}

describe('The Bigin node on the canvas', () => {
	it.each([
		[{ resource: 'record', operation: 'create', module: 'Contacts' }, 'Create a contact'],
		[{ resource: 'record', operation: 'getAll', module: 'Accounts' }, 'Get many companies'],
		[{ resource: 'record', operation: 'upsert', module: 'Events' }, 'Create or update an event'],
		[{ resource: 'record', operation: 'search', module: 'Pipelines' }, 'Search pipelines'],
		[{ resource: 'record', operation: 'update', module: 'Pipelines' }, 'Update a pipeline record'],
		[{ resource: 'record', operation: 'count', module: 'Tasks' }, 'Count tasks'],
		[{ resource: 'record', operation: 'delete', module: '={{ $json.module }}' }, 'Delete a record'],
		[{ resource: 'notification', operation: 'enable' }, 'Enable a notification channel'],
		[
			{ resource: 'notification', operation: 'disableEvents' },
			'Disable events of a notification channel',
		],
		[{ resource: 'record', operation: 'somethingNew', module: 'Contacts' }, 'somethingNew'],
	])('reads %j as "%s"', (parameters, expected) => {
		expect(subtitleFor(parameters)).toBe(expected);
	});
});
