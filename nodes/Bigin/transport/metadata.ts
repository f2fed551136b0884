import type { IDataObject } from 'n8n-workflow';

import type { BiginContext } from './request';
import { biginApiRequest } from './request';

/** One field of a module, as Bigin's fields metadata describes it. */
export interface BiginField extends IDataObject {
	api_name: string;
	field_label?: string;
	data_type?: string;
}

/**
 * Every field of a module, custom fields included (`GET settings/fields?module=…`, scope
 * ZohoBigin.settings.fields.READ). An empty list when Bigin answers 204.
 */
export async function getModuleFields(
	context: BiginContext,
	module: string,
): Promise<BiginField[]> {
	const response = await biginApiRequest<{ fields?: unknown[] }>(context, {
		method: 'GET',
		resource: 'settings/fields',
		qs: { module },
	});
	return (response.body?.fields ?? []).filter(
		(field): field is BiginField =>
			typeof field === 'object' &&
			field !== null &&
			typeof (field as IDataObject).api_name === 'string' &&
			(field as IDataObject).api_name !== '',
	);
}
