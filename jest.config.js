/** @type {import('jest').Config} */
const project = (displayName, roots, extra = {}) => ({
	displayName,
	roots,
	testMatch: ['**/*.test.ts'],
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	...extra,
});

module.exports = {
	projects: [
		project('nodes', ['<rootDir>/test/credentials', '<rootDir>/test/nodes']),
		project('simulator', ['<rootDir>/test/bigin-simulator']),
		project('e2e', ['<rootDir>/test/e2e'], {
			globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
		}),
	],
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
