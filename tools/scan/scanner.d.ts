/** The parts of n8n's package scanner (`@n8n/scan-community-package`, an ES module) this project calls. */
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	export interface AnalysisResult {
		passed: boolean;
		message?: string;
		/** ESLint's stylish report of the violations. */
		details?: string;
	}

	/** What the scanner lints of the source its npm provenance points at. */
	export const SOURCE_FILE_PATTERNS: string[];

	/** ESLint with the scanner's own configuration (inline disable comments ignored) over a folder. */
	export function analyzePackage(
		packageDir: string,
		filePatterns?: string[],
	): Promise<AnalysisResult>;
}
