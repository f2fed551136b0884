'use strict';

/**
 * n8n finds the nodes and credential through the "n8n" section of package.json; this entry point
 * only lets the package be required as a whole, e.g. in tests and benchmarks.
 */
module.exports = {
	BiginOAuth2Api: require('./dist/credentials/BiginOAuth2Api.credentials.js').BiginOAuth2Api,
	Bigin: require('./dist/nodes/Bigin/Bigin.node.js').Bigin,
	BiginTrigger: require('./dist/nodes/Bigin/BiginTrigger.node.js').BiginTrigger,
};
