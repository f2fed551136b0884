import type {
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import type { WriteKind } from '../shared/fieldTypes';
import { fieldLabel, isWritable, mapperTypeOf, picklistOptions } from '../shared/fieldTypes';
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
import { ownerOptions } from './owners';

const MATCHABLE_TYPES = ['text', 'email', 'phone', 'website', 'autonumber', 'integer', 'bigint'];

const WRITE_KINDS: Record<string, WriteKind> = {
	create: 'create',
	update: 'edit',
	upsert: 'upsert',
};

/** The field's input: its type, and the options of a picklist or of an owner (the org's users). */
function mapperInput(
	field: BiginField,
	owners: INodePropertyOptions[] | undefined,
): Pick<ResourceMapperField, 'type' | 'options'> {
	if (field.data_type === 'ownerlookup' && owners) return { type: 'options', options: owners };
	const type = mapperTypeOf(field);
	return type === 'options' ? { type, options: picklistOptions(field) } : { type };
}

function mapperField(
	module: BiginModule | undefined,
	field: BiginField,
	requiredApplies: boolean,
	owners: INodePropertyOptions[] | undefined,
): ResourceMapperField {
	const ownerById = field.data_type === 'ownerlookup' && !owners ? ' (user ID)' : '';
	return {
		id: field.api_name,
		displayName: `${fieldLabel(field)}${field.custom_field ? ' (custom)' : ''}${ownerById}`,
		required: requiredApplies && field.system_mandatory === true,
		defaultMatch: module?.record.duplicateCheckField === field.api_name,
		canBeUsedToMatch: MATCHABLE_TYPES.includes(field.data_type),
		display: true,
		...mapperInput(field, owners),
	};
}

/** No fields, and why: n8n's editor shows only "No fields found" for a failed or empty list. */
const noFields = (why: string): ResourceMapperFields => ({ fields: [], emptyFieldsNotice: why });

/**
 * The fields the operation can write (`view_type`: create for Create, edit for Update, either for
 * Create or Update), custom ones included, typed for the field mapper; required ones are marked
 * except on Update. Owner lists the org's active users. A pipeline record's Team Pipeline,
 * sub-pipeline and stage have their own parameters, so they are left out here. It never throws:
 * n8n's editor drops a thrown error, so an empty list says why it is empty.
 */
export async function getMappingFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	if (!hasCredential(this)) return noFields(NO_CREDENTIAL_FOR_FIELDS);
	const module = currentModule(this);
	const facts = findModule(module);
	const operation = currentText(this, 'operation');
	const kind = WRITE_KINDS[operation] ?? 'create';
	const placedElsewhere = (field: BiginField) =>
		facts?.pipelinePlacement === true && PLACEMENT_FIELDS.includes(field.api_name);
	let all: BiginField[];
	try {
		all = await fieldsOf(this, module);
	} catch (error) {
		return noFields(`Bigin's fields of ${module} could not be read. ${editorReason(error)}`);
	}
	const fields = all.filter((field) => isWritable(field, kind) && !placedElsewhere(field));
	if (fields.length === 0) return noFields(`Bigin lists no writable fields for ${module}`);
	const owners = fields.some((field) => field.data_type === 'ownerlookup')
		? await ownerOptions(this)
		: undefined;
	return { fields: fields.map((field) => mapperField(facts, field, kind !== 'edit', owners)) };
}
