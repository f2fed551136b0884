import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { DEFAULT_MODULE } from '../shared/modules';

/** The module the node is set to, as the editor has it now. */
export function currentModule(context: ILoadOptionsFunctions): string {
	const module = context.getCurrentNodeParameter('module');
	return typeof module === 'string' && module !== '' ? module : DEFAULT_MODULE;
}

export function currentText(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name);
	return typeof value === 'string' ? value : '';
}
