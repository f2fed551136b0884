import { triggerPanel, triggerSubtitle } from '../../../../nodes/Bigin/trigger/descriptions';

/**
 * The subtitle is an n8n expression; its body is plain JavaScript over `$parameter`, evaluated
 * here directly (the browser suite checks it in n8n's own editor).
 */
function subtitleFor(events: string[] | undefined): string {
	const body = triggerSubtitle()
		.replace(/^=\{\{/, '')
		.replace(/\}\}$/, '');
	return new Function('$parameter', `return ${body}`)({ events }) as string;
}

describe('Bigin Trigger in the editor', () => {
	it('names the picked events in its subtitle, the first two and a count of the rest', () => {
		expect(subtitleFor(['Contacts.create'])).toBe('Contact Created');
		expect(subtitleFor(['Contacts.all', 'Accounts.edit'])).toBe(
			'Any Contact Change, Company Updated',
		);
		expect(subtitleFor(['Contacts.all', 'Accounts.all', 'Pipelines.all', 'Tasks.delete'])).toBe(
			'Any Contact Change, Any Company Change +2 more',
		);
	});

	it('shows an event typed by expression as it is, and nothing when none is picked', () => {
		expect(subtitleFor(['Deals.create'])).toBe('Deals.create');
		expect(subtitleFor(undefined)).toBe('');
	});

	it("names n8n 2.x's button, Execute step, and never tells the user to create Bigin's Events records while listening", () => {
		const texts = JSON.stringify(triggerPanel);
		expect(texts).toContain('click <i>Execute step</i>');
		expect(texts).not.toContain('Listen for test event');
		expect(texts).not.toMatch(/create an event/i);
	});
});
