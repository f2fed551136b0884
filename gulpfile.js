const { rmSync } = require('fs');
const { src, dest, parallel } = require('gulp');

/** tsc never removes what it compiled before: a file moved or deleted in the source would be published. */
function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

/** tsc compiles the TypeScript; n8n also needs the icons and codex files beside the compiled nodes. */
function copyNodeAssets() {
	return src('nodes/**/*.{png,svg,json}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));
}

exports.clean = clean;
exports['build:icons'] = parallel(copyNodeAssets, copyCredentialAssets);
