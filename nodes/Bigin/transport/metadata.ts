import type { IDataObject } from 'n8n-workflow';

import type { BiginContext } from './request';
import { biginApiRequest } from './request';

/** One value of a picklist; `maps` ties a value to the values it allows in another field. */
export interface BiginPicklistValue extends IDataObject {
	display_value: string;
	actual_value?: string;
	sequence_number?: number;
	maps?: IDataObject[];
}

/** A field of a module, as `GET settings/fields?module=` describes it. */
export interface BiginField extends IDataObject {
	api_name: string;
	field_label?: string;
	display_label?: string;
	/** text, textarea, email, phone, website, picklist, multiselectpicklist, date, datetime, integer, bigint, double, currency, boolean, lookup, ownerlookup, … */
	data_type: string;
	json_type?: string;
	system_mandatory?: boolean;
	read_only?: boolean;
	field_read_only?: boolean;
	/** Where the field shows, and whether a create or an edit may set it. */
	view_type?: { view?: boolean; edit?: boolean; create?: boolean; quick_create?: boolean };
	custom_field?: boolean;
	length?: number;
	sortable?: boolean;
	/** Whether the search takes conditions on the field. */
	searchable?: boolean;
	pick_list_values?: BiginPicklistValue[];
	lookup?: { module?: { api_name?: string } };
}

/** A layout of a module; for Pipelines each layout is a Team Pipeline. */
export interface BiginLayout extends IDataObject {
	id: string;
	name: string;
	display_label?: string;
	sections?: Array<{ fields?: BiginField[] }>;
}

/**
 * Every field of a module, custom ones included (`GET settings/fields?module=`, scope
 * ZohoBigin.settings.fields.READ); an empty list when Bigin answers 204. Entries without an API
 * name are dropped, and a missing type reads as text.
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
	return (response.body?.fields ?? []).flatMap((entry) => {
		const field = entry as IDataObject | null;
		if (typeof field?.api_name !== 'string' || field.api_name === '') return [];
		const dataType = typeof field.data_type === 'string' ? field.data_type : 'text';
		return [{ ...field, data_type: dataType } as BiginField];
	});
}

/** The module's layouts with their sections and fields; an empty list when Bigin answers 204. */
export async function getModuleLayouts(
	context: BiginContext,
	module: string,
): Promise<BiginLayout[]> {
	const response = await biginApiRequest<{ layouts?: BiginLayout[] }>(context, {
		method: 'GET',
		resource: 'settings/layouts',
		qs: { module },
	});
	return response.body?.layouts ?? [];
}
