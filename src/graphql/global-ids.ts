// Global IDs arrive already decoded by the relay plugin as { typename, id }; the plugin checks
// the typename against the types an argument accepts. The key part is checked here. (No type
// refs in this module: the schema builder itself depends on it.)
import { PothosValidationError } from '@pothos/core';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { badUserInput } from '../errors.ts';

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

/** A primary key as an ID spells it: decimal, no sign, no leading zero, within integer range. */
const CANONICAL_KEY = /^[1-9][0-9]{0,9}$/;

/**
 * Decodes a global ID only in the one spelling the API hands out. base64 and Number() are
 * lenient (padding, whitespace, "02", "0x2", "2.0"), so several strings used to name one object
 * and `node(id: X).id` came back different from X; a cache or a client comparing IDs then sees
 * two objects. Every other spelling is the client's mistake (BAD_USER_INPUT).
 */
export function decodeCanonicalGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = decodeGlobalID(globalID);
  if (
    !CANONICAL_KEY.test(decoded.id) ||
    Number(decoded.id) > 2_147_483_647 ||
    encodeGlobalID(decoded.typename, decoded.id) !== globalID
  ) {
    throw new PothosValidationError(
      `Invalid global ID: ${globalID.length > 64 ? `${globalID.slice(0, 64)}…` : globalID}`,
    );
  }
  return decoded;
}
