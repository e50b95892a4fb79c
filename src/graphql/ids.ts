import { OrganizationRef } from './organization.ts';
import { PersonRef } from './person.ts';

export { decodeId, type DecodedId } from './global-ids.ts';

/** Node types that can speak, be mentioned, or be filtered on as an entity. */
export const EntityIdTypes = [PersonRef, OrganizationRef];
