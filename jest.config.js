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
		project('nodes', [
			'<rootDir>/test/credentials',
			'<rootDir>/test/nodes',
			'<rootDir>/test/repository',
		]),
		project('tools', ['<rootDir>/test/tools', '<rootDir>/test/bench']),
		project('e2e', ['<rootDir>/test/e2e'], {
			globalSetup: '<rootDir>/test/support/e2eGlobalSetup.ts',
		}),
	],
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
