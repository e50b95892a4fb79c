import type { Gender } from '../language/pack.ts';
import type { OrganizationKind } from '../types.ts';

export type MentionKind = 'person' | 'organization' | 'country' | 'place' | 'unknown';

/** A capitalised name found in the body, typed by what it most likely names. */
export interface NameMention {
  kind: MentionKind;
  /** Whole mention including titles: "President Barack Obama" (possessive excluded). */
  start: number;
  end: number;
  firstToken: number;
  endToken: number;
  /** Just the name: "Barack Obama". For organizations, the canonical form when known. */
  name: string;
  /** The name's own tokens, as written, without titles or possessive. */
  nameTokens: string[];
  /** Offset where the name proper begins (after titles). */
  nameStart: number;
  /** Titles written before the name, as worded ("President", "Sen."). */
  titles: string[];
  gender: Gender | null;
  possessive: boolean;
  /** Inside a quotation: a name the speaker said, not the speaker. */
  inQuote: boolean;
  organizationKind: OrganizationKind | null;
  /** An organization or place written before a title: "NYPD" in "NYPD Commissioner James O'Neill". */
  prefix: { name: string; kind: MentionKind; organizationKind: OrganizationKind | null } | null;
  /** Person by shape alone (two unknown capitalised words): needs support from context. */
  weak: boolean;
}
