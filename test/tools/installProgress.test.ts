import { countFetches, installStatus } from '../../tools/n8n/installProgress';

/** npm's `--loglevel=http` lines, as npm 11 writes them. */
const NPM_LOG = [
	'npm http fetch GET 200 https://registry.npmjs.org/@tiptap%2fcore 239ms (cache updated)',
	'npm http fetch GET 200 https://registry.npmjs.org/n8n/-/n8n-2.40.7.tgz 2978ms (cache miss)',
	'npm http cache typescript@https://registry.npmjs.org/typescript/-/typescript-5.8.3.tgz 0ms (cache hit)',
	'npm warn ERESOLVE overriding peer dependency',
	'',
].join('\n');

describe('Install progress, read from npm', () => {
	it('counts package documents and package tarballs, fetched from the registry or from npm’s cache', () => {
		const count = { manifests: 0, tarballs: 0 };
		countFetches(NPM_LOG, count);
		expect(count).toEqual({ manifests: 1, tarballs: 2 });
	});

	it('says what has arrived, against how many packages the lockfile names', () => {
		expect(
			installStatus({ manifests: 3, tarballs: 1211 }, 1.2 * 1024 * 1024, {
				packages: 2422,
				kilobytes: 2.8 * 1024 * 1024,
			}),
		).toBe('1211 of 2422 packages downloaded (50%), 1.2 GB of about 2.8 GB on disk');
	});

	it('says npm is resolving versions while it fetches only package documents', () => {
		expect(
			installStatus({ manifests: 542, tarballs: 0 }, 12 * 1024, { kilobytes: 2.8 * 1024 * 1024 }),
		).toBe('resolving versions, 542 package documents fetched, 12 MB of about 2.8 GB on disk');
	});
});
