const { src, dest, parallel } = require('gulp');

/** tsc compiles the TypeScript; n8n also needs the icons and codex files beside the compiled nodes. */
function copyNodeAssets() {
	return src('nodes/**/*.{png,svg,json}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));
}

exports['build:icons'] = parallel(copyNodeAssets, copyCredentialAssets);
