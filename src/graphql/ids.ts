// Global IDs arrive already decoded by the relay plugin as { typename, id }; the plugin checks
// the typename against the types an argument accepts. The key part is checked here.
import { badUserInput } from './errors.ts';
import { OrganizationRef } from './organization.ts';
import { PersonRef } from './person.ts';

/** Node types that can speak, be mentioned, or be filtered on as an entity. */
export const EntityIdTypes = [PersonRef, OrganizationRef];

export interface DecodedId {
  typename: string;
  id: string | number;
}

/** The numeric primary key of a decoded global ID; `field` names the argument for the error. */
export function decodeId(globalId: DecodedId, field: string): { typename: string; id: number } {
  const id = Number(globalId.id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) {
    throw badUserInput(`${field} is not a valid ${globalId.typename} ID.`, field);
  }
  return { typename: globalId.typename, id };
}
