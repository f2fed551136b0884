import type { ILoadOptionsFunctions } from 'n8n-workflow';

/** The module the node is set to, as the editor has it now. */
export function currentModule(context: ILoadOptionsFunctions): string {
	const module = context.getCurrentNodeParameter('module');
	return typeof module === 'string' && module !== '' ? module : 'Contacts';
}

export function currentText(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name);
	return typeof value === 'string' ? value : '';
}
