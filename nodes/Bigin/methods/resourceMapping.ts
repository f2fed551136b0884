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
import { currentModule, currentText } from './context';

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

/**
 * The module's writable fields from `settings/fields`, custom ones included, typed for the field
 * mapper; required ones are marked except on Update. A pipeline record's Team Pipeline,
 * sub-pipeline and stage have their own parameters, so they are left out here.
 */
export async function getMappingFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const module = currentModule(this);
	const facts = findModule(module);
	const requiredApplies = currentText(this, 'operation') !== 'update';
	const placedElsewhere = (field: BiginField) =>
		facts?.pipelinePlacement === true && PLACEMENT_FIELDS.includes(field.api_name);
	const fields = (await fieldsOf(this, module)).filter(
		(field) => !isReadOnly(field) && !placedElsewhere(field),
	);
	return {
		fields: fields.map((field) => mapperField(facts, field, requiredApplies)),
		emptyFieldsNotice: `Bigin lists no writable fields for ${module}`,
	};
}
