import type { SimulatorConfig } from './';

/** One plausible reading of what Bigin does where its documentation is silent (bigin-api.md §10). */
export interface SimulatorReading {
	name: string;
	config: Partial<SimulatorConfig>;
}

/** Every reading on its own (the simulator's defaults being the most likely one). */
export const SINGLE_READINGS: SimulatorReading[] = [
	{ name: 'default reading', config: {} },
	{ name: '.all listed as written', config: { expandAllEvents: false } },
	{ name: 'POST to an existing id merges events', config: { repostExisting: 'mergeEvents' } },
	{
		name: 'POST to an existing id only moves the expiry',
		config: { repostExisting: 'keepAllButExpiry' },
	},
	{ name: 'single-record GET requires fields', config: { singleRecordRequiresFields: true } },
	{ name: 'one-day cap counted from the first enable', config: { expiryCapFrom: 'firstEnable' } },
	{ name: 'record reads limited to 2 at once', config: { recordConcurrencyLimit: 2 } },
	{ name: 'unknown field names refused', config: { unknownFieldWrites: 'invalidData' } },
	{ name: 'unlistable fields refused in reads', config: { refuseUnlistableFields: true } },
	{
		name: 'a repeated DELETE answers 400 record not deleted',
		config: { deletedRecordDelete: 'recordNotDeleted' },
	},
	{ name: 'COQL in takes 100 values', config: { coqlInValuesLimit: 100 } },
	{ name: 'COQL in takes 200 values', config: { coqlInValuesLimit: 200 } },
	{ name: 'COQL select list capped at 50 fields', config: { coqlSelectFieldsLimit: 50 } },
	{ name: 'no COQL (Query API unavailable)', config: { coqlAvailable: false } },
];

/** Every unknown answered the way that hurts a client most, all at once. */
export const HOSTILE_READING: SimulatorReading = {
	name: 'hostile combination',
	config: {
		expandAllEvents: true,
		repostExisting: 'keepAllButExpiry',
		singleRecordRequiresFields: true,
		expiryCapFrom: 'firstEnable',
		recordConcurrencyLimit: 2,
		unknownFieldWrites: 'invalidData',
		refuseUnlistableFields: true,
		deletedRecordDelete: 'recordNotDeleted',
		coqlInValuesLimit: 50,
		coqlSelectFieldsLimit: 50,
	},
};

export const ALL_READINGS: SimulatorReading[] = [...SINGLE_READINGS, HOSTILE_READING];

/** Picks a reading by name from BIGIN_SIM_READING (e.g. for the end-to-end suite); default otherwise. */
export function readingFromEnvironment(value = process.env.BIGIN_SIM_READING): SimulatorReading {
	if (!value || value === 'default') return SINGLE_READINGS[0];
	if (value === 'hostile') return HOSTILE_READING;
	const reading = ALL_READINGS.find((candidate) => candidate.name === value);
	if (!reading)
		throw new Error(
			`Unknown BIGIN_SIM_READING "${value}": use default, hostile or one of ${ALL_READINGS.map((r) => r.name).join('; ')}`,
		);
	return reading;
}
