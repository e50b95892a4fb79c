import type { Gender } from '../language/pack.ts';
import type { OrganizationKind } from '../types.ts';
import type { NameMention } from './mention-types.ts';

export interface PersonEntity {
  type: 'person';
  id: number;
  name: string;
  /** Lower-case given name and surname, used to match later references. */
  given: string | null;
  surname: string;
  aliases: Set<string>;
  roles: string[];
  gender: Gender | null;
  mentions: NameMention[];
  /** Only seen as a bare capitalised shape, never confirmed by context. */
  weak: boolean;
}

export interface OrganizationEntity {
  type: 'organization';
  id: number;
  name: string;
  kind: OrganizationKind;
  aliases: Set<string>;
  mentions: NameMention[];
  /** Countries act as organizations only when they speak. */
  isCountry: boolean;
}

export type Entity = PersonEntity | OrganizationEntity;
