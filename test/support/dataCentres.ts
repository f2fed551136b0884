import { BIGIN_DATA_CENTERS, authorizationUrlOf } from '../../credentials/biginDataCenters';

/** The credential fields a user sets by picking one of Bigin's data centres. */
export function pickedDataCentre(key: keyof typeof BIGIN_DATA_CENTERS): { authUrl: string } {
	return { authUrl: authorizationUrlOf(BIGIN_DATA_CENTERS[key]) };
}
