import type { IDataObject } from 'n8n-workflow';

import type { BiginContext } from './request';
import { biginApiRequest } from './request';

/** One record by id, or undefined when Bigin answers 204 (deleted or never existed). */
export async function getRecord(
	context: BiginContext,
	module: string,
	recordId: string,
): Promise<IDataObject | undefined> {
	const response = await biginApiRequest<{ data?: IDataObject[] }>(context, {
		method: 'GET',
		resource: `${encodeURIComponent(module)}/${encodeURIComponent(recordId)}`,
	});
	return response.body?.data?.[0];
}
