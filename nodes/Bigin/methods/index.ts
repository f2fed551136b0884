import * as loadOptions from './loadOptions';
import { searchProductList, searchRecordList } from './listSearch';
import { getMappingFields } from './resourceMapping';

export { loadOptions };

export const listSearch = { searchRecords: searchRecordList, searchProducts: searchProductList };

export const resourceMapping = { getMappingFields };
