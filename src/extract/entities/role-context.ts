// What the role and affiliation patterns share: the article, its entities and
// home place, the vocabulary of roles, and ways to find the organization a
// phrase points to.

import type { LanguagePack } from '../language/pack.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { OrganizationEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';
import { LOCAL_GOVERNMENT_NOUNS, localGovernment, organizationForNoun } from './organization-reference.ts';
import type { ResolvedEntities } from './resolve.ts';

export interface RoleContext {
  index: ArticleIndex;
  entities: ResolvedEntities;
  /** The story's home place, from its dateline. */
  home: string | null;
}

export interface Found {
  role: string | null;
  org: OrganizationEntity | null;
}

export const MAX_APPOSITIVE_TOKENS = 22;
export const MAX_ROLE_WORDS = 4;

/** Offices of a town or city: held with no body named, they belong to the story's home place. */
export const LOCAL_OFFICES = new Set([
  'mayor',
  'deputy mayor',
  'city manager',
  'town manager',
  'alderman',
  'alderwoman',
  'councilman',
  'councilwoman',
  'councilor',
  'councillor',
  'selectman',
  'selectwoman',
]);

/** A noun for a person's role: "spokesman", "professor", and the compromise lexicon's actors. */
export function isRoleNoun(lower: string, lang: LanguagePack): boolean {
  return (
    lang.roles.personRoleNouns.has(lower) ||
    (lang.words.isRoleNounInLexicon(lower) && !lower.endsWith('s') && !IRREGULAR_PLURALS.has(lower))
  );
}

/** Plural people nouns without an -s: "one of the men, Daniel Cho," gives no role. */
const IRREGULAR_PLURALS = new Set(['men', 'women', 'people', 'children', 'folk', 'police']);

/** Role nouns, and the occupations English forms with -ist and -ian ("hydrologist", "technician"). */
export function isRoleOrOccupation(lower: string, lang: LanguagePack): boolean {
  return (
    isRoleNoun(lower, lang) ||
    (lower.length > 6 && /(ist|ian)$/.test(lower) && !/^(christian|italian|canadian|russian|indian|asian)$/.test(lower))
  );
}

/** The organization (never a country) a mention names, if it names one. */
export function organizationOf(entities: ResolvedEntities, m: NameMention | undefined): OrganizationEntity | null {
  if (!m) return null;
  const e = entities.entityOf.get(m);
  return e && e.type === 'organization' && !e.isCountry ? e : null;
}

/** The government of a place written before a local office ("Millbrook Mayor"), or of the story's home place. */
export function localGovernmentFor(ctx: RoleContext, place: string | null): OrganizationEntity | null {
  const name = place ?? ctx.home;
  return name ? localGovernment(ctx.entities, name, ctx.index.mentions) : null;
}

/** A noun for a kind of body: "company", "institute", or a local government's "city", "county". */
export function isBodyNoun(noun: string, lang: LanguagePack): boolean {
  return lang.organizations.kindsOfNoun.has(noun) || LOCAL_GOVERNMENT_NOUNS.has(noun);
}

/** "the company", "the town": the body such a noun points to at `at`. */
export function bodyForNoun(ctx: RoleContext, noun: string, at: number): OrganizationEntity | null {
  const lang = ctx.index.doc.language;
  if (LOCAL_GOVERNMENT_NOUNS.has(noun)) return localGovernmentFor(ctx, null);
  return lang.organizations.kindsOfNoun.has(noun) ? organizationForNoun(ctx.entities, noun, at, lang) : null;
}
