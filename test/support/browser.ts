import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { selectors } from 'playwright-core';

import { launchChromium } from '../../tools/n8n/browser';
import { OWNER } from '../../tools/n8n/n8nInstance';
import { CACHE, ROOT } from '../../tools/n8n/paths';

/** `npm run screenshots` sets this: the suite then writes the README's pictures into docs/. */
const WRITE_DOCS = process.env.BIGIN_SCREENSHOTS === '1';
const FAILURES = join(CACHE, 'e2e-failures');

export interface EditorSession {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

/** A fresh Chromium signed in to n8n's editor as the owner, through the sign-in form. */
export async function openEditor(n8nUrl: string): Promise<EditorSession> {
	// n8n marks its UI with data-test-id, not playwright's default data-testid.
	selectors.setTestIdAttribute('data-test-id');
	const browser = await launchChromium();
	const context = await browser.newContext({
		viewport: { width: 1400, height: 860 },
		locale: 'en-GB',
		timezoneId: 'UTC',
	});
	context.setDefaultTimeout(30_000);
	const page = await context.newPage();
	try {
		await page.goto(`${n8nUrl}/signin`);
		await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
		await page.getByTestId('password').locator('input').fill(OWNER.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL(/\/(home|workflows)/);
	} catch (error) {
		await browser.close();
		throw error;
	}
	return { browser, context, page, close: async () => await browser.close() };
}

/** A picture for the README (docs/<name>.png), written only by `npm run screenshots`. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
	if (!WRITE_DOCS) return;
	await mkdir(join(ROOT, 'docs'), { recursive: true });
	await target.screenshot({ path: join(ROOT, 'docs', `${name}.png`) });
}

/**
 * Runs one scenario's steps; when one fails, keeps a picture of every open page under
 * .cache/e2e-failures/ so that what the user would have seen can be looked at.
 */
export async function inBrowser(
	session: EditorSession,
	name: string,
	steps: () => Promise<void>,
): Promise<void> {
	try {
		await steps();
	} catch (error) {
		await mkdir(FAILURES, { recursive: true });
		const pages = session.context.pages();
		await Promise.all(
			pages.map(
				async (page, index) =>
					await page
						.screenshot({ path: join(FAILURES, `${name}-${index}.png`), fullPage: true })
						.catch(() => undefined),
			),
		);
		throw error;
	}
}

/** The node picker's entry for a node, by the name it shows. */
export function pickerEntry(page: Page, name: string): Locator {
	return page
		.getByTestId('node-creator')
		.locator('[data-test-id="node-creator-action-item"], [data-test-id="node-creator-node-item"]')
		.filter({ has: page.getByTestId('node-creator-item-name').getByText(name, { exact: true }) });
}

/** Types into the node picker's search box and returns the entry found for `name`. */
export async function searchPicker(page: Page, query: string, name: string): Promise<Locator> {
	await page.getByTestId('node-creator-search-bar').fill(query);
	const entry = pickerEntry(page, name);
	await entry.waitFor();
	return entry;
}

/** An option by its name: its accessible name runs on into its description ("Task Created Bigin event …"). */
function optionName(name: string): RegExp {
	return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
}

/** Picks options of an n8n multi-select (its dropdown closes afterwards). */
export async function pickOptions(page: Page, input: Locator, names: string[]): Promise<void> {
	await input.click();
	for (const name of names) await page.getByRole('option', { name: optionName(name) }).click();
	await page.keyboard.press('Escape');
}

/** Picks one option of an n8n select, again if the dropdown was still opening at the first click. */
export async function pickOption(page: Page, input: Locator, name: string): Promise<void> {
	const chosen = async () => (await input.locator('input').inputValue()) === name;
	for (let attempt = 0; attempt < 3 && !(await chosen()); attempt++) {
		await input.click();
		const option = page.getByRole('option', { name: optionName(name) });
		await option.waitFor();
		await option.click();
		await page.waitForTimeout(300);
	}
	if (!(await chosen())) throw new Error(`could not pick "${name}"`);
}

/** Scrolls the list under the pointer until `target` shows (lists render only what is near the view). */
export async function scrolledTo(page: Page, target: Locator): Promise<void> {
	await page.getByTestId('node-creator').hover();
	for (let step = 0; step < 40; step++) {
		if (await target.isVisible()) return;
		await page.mouse.wheel(0, 200);
		await page.waitForTimeout(100);
	}
	await target.waitFor({ timeout: 1000 });
}
