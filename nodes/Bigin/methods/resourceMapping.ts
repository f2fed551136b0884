import type {
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { fieldLabel, isReadOnly, mapperTypeOf, picklistOptions } from '../shared/fieldTypes';
import { PLACEMENT_FIELDS } from '../shared/pipelines';
import type { BiginModule } from '../shared/modules';
import { findModule } from '../shared/modules';
import type { BiginField } from '../transport/metadata';
import { fieldsOf } from '../transport/metadataCache';
import {
	NO_CREDENTIAL_FOR_FIELDS,
	currentModule,
	currentText,
	editorReason,
	hasCredential,
} from './context';

const MATCHABLE_TYPES = ['text', 'email', 'phone', 'website', 'autonumber', 'integer', 'bigint'];

function mapperField(
	module: BiginModule | undefined,
	field: BiginField,
	requiredApplies: boolean,
): ResourceMapperField {
	const type = mapperTypeOf(field);
	return {
		id: field.api_name,
		displayName: `${fieldLabel(field)}${field.custom_field ? ' (custom)' : ''}`,
		required: requiredApplies && field.system_mandatory === true,
		defaultMatch: module?.record.duplicateCheckField === field.api_name,
		canBeUsedToMatch: MATCHABLE_TYPES.includes(field.data_type),
		display: true,
		type,
		...(type === 'options' ? { options: picklistOptions(field) } : {}),
	};
}

/** No fields, and why: n8n's editor shows only "No fields found" for a failed or empty list. */
const noFields = (why: string): ResourceMapperFields => ({ fields: [], emptyFieldsNotice: why });

/**
 * The module's writable fields from `settings/fields`, custom ones included, typed for the field
 * mapper; required ones are marked except on Update. A pipeline record's Team Pipeline,
 * sub-pipeline and stage have their own parameters, so they are left out here. It never throws:
 * n8n's editor drops a thrown error, so an empty list says why it is empty.
 */
export async function getMappingFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	if (!hasCredential(this)) return noFields(NO_CREDENTIAL_FOR_FIELDS);
	const module = currentModule(this);
	const facts = findModule(module);
	const requiredApplies = currentText(this, 'operation') !== 'update';
	const placedElsewhere = (field: BiginField) =>
		facts?.pipelinePlacement === true && PLACEMENT_FIELDS.includes(field.api_name);
	let all: BiginField[];
	try {
		all = await fieldsOf(this, module);
	} catch (error) {
		return noFields(`Bigin's fields of ${module} could not be read. ${editorReason(error)}`);
	}
	const fields = all.filter((field) => !isReadOnly(field) && !placedElsewhere(field));
	if (fields.length === 0) return noFields(`Bigin lists no writable fields for ${module}`);
	return { fields: fields.map((field) => mapperField(facts, field, requiredApplies)) };
}
