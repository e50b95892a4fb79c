// Global IDs arrive already decoded by the relay plugin as { typename, id }; the plugin checks
// the typename against the types an argument accepts. The key part is checked here. (No type
// refs in this module: the schema builder itself depends on it.)
import { badUserInput } from './errors.ts';

export interface DecodedId {
  typename: string;
  id: string | number;
}

/** Every type `node(id:)` can fetch. */
const NODE_TYPES = new Set(['Article', 'Quote', 'Person', 'Organization', 'Affiliation', 'RelatedLink', 'Publisher']);

/** The numeric primary key of a decoded global ID; `field` names the argument for the error. */
export function decodeId(globalId: DecodedId, field: string): { typename: string; id: number } {
  const id = Number(globalId.id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) {
    throw badUserInput(`${field} is not a valid ${globalId.typename} ID.`, field);
  }
  return { typename: globalId.typename, id };
}

/** A node ID must name a node type and a valid key; anything else is the client's mistake. */
export function checkNodeId(globalId: DecodedId, field: string): void {
  if (!NODE_TYPES.has(globalId.typename)) throw badUserInput(`${field} does not name an object of this API.`, field);
  decodeId(globalId, field);
}
