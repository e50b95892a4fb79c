import { OrganizationRef, PersonRef } from './refs.ts';

export { decodeId, type DecodedId } from './global-ids.ts';

/** Node types that can speak, be mentioned, or be filtered on as an entity. */
export const EntityIdTypes = [PersonRef, OrganizationRef];
