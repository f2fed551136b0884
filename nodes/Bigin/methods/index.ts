import * as loadOptions from './loadOptions';
import { searchRecordList } from './listSearch';
import { getMappingFields } from './resourceMapping';

export { loadOptions };

export const listSearch = { searchRecords: searchRecordList };

export const resourceMapping = { getMappingFields };
