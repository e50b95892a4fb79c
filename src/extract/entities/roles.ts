// Roles and affiliations, read from how a person is introduced:
//   titles and the body before them   "NYPD Commissioner James O'Neill"
//   a role noun just before the name  "campaign manager Robby Mook"
//   an appositive after the name      "Koh Yu-hwan, a Seoul's Dongguk University professor,"

import { isRoleNounInLexicon } from '../lexicon/names.ts';
import { isCourtesyTitle, PERSON_ROLE_NOUNS } from '../lexicon/roles.ts';
import { type ArticleIndex, CLAUSE_WORDS, DETERMINERS, isCueToken, PREPOSITIONS } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import type { OrganizationEntity, PersonEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';
import type { ResolvedEntities } from './resolve.ts';

export interface Affiliation {
  person: PersonEntity;
  organization: OrganizationEntity;
  role: string | null;
}

export interface RoleFindings {
  rolesOf: Map<PersonEntity, string[]>;
  affiliations: Affiliation[];
}

const MAX_APPOSITIVE_TOKENS = 22;
const MAX_ROLE_WORDS = 4;

export function isRoleNoun(lower: string): boolean {
  return PERSON_ROLE_NOUNS.has(lower) || (isRoleNounInLexicon(lower) && !lower.endsWith('s'));
}

export function findRoles(index: ArticleIndex, entities: ResolvedEntities): RoleFindings {
  const rolesOf = new Map<PersonEntity, string[]>();
  const affiliations: Affiliation[] = [];
  const add = (person: PersonEntity, role: string | null, org: OrganizationEntity | null) => {
    if (role) {
      const list = rolesOf.get(person) ?? [];
      if (!list.includes(role)) list.push(role);
      rolesOf.set(person, list);
    }
    if (org && !affiliations.some((a) => a.person === person && a.organization === org && a.role === role)) {
      affiliations.push({ person, organization: org, role });
    }
  };
  for (const m of index.mentions) {
    const person = entities.entityOf.get(m);
    if (!person || person.type !== 'person' || m.inQuote) continue;
    const titled = titleAffiliation(index, entities, m);
    if (titled) add(person, titled.role, titled.org);
    const before = roleBefore(index, entities, m);
    if (before) add(person, before.role, before.org);
    const after = appositiveRole(index, entities, m);
    if (after) add(person, after.role, after.org);
  }
  return { rolesOf, affiliations };
}

function organizationOf(entities: ResolvedEntities, m: NameMention | undefined): OrganizationEntity | null {
  if (!m) return null;
  const e = entities.entityOf.get(m);
  return e && e.type === 'organization' && !e.isCountry ? e : null;
}

/** "NYPD Commissioner James O'Neill": the body named before the title. */
function titleAffiliation(index: ArticleIndex, entities: ResolvedEntities, m: NameMention): { role: string | null; org: OrganizationEntity | null } | null {
  const title = m.titles[0];
  if (!title || isCourtesyTitle(title)) return null;
  const org = m.prefix ? organizationOf(entities, index.mentionEndingAt.get(m.firstToken - 1)) : null;
  return { role: title, org };
}

/** "campaign manager Robby Mook", "his campaign manager, Jeff Weaver". */
function roleBefore(index: ArticleIndex, entities: ResolvedEntities, m: NameMention): { role: string; org: OrganizationEntity | null } | null {
  const { tokens } = index.doc;
  let j = m.firstToken - 1;
  if (tokens[j]?.text === ',' && tokens[m.endToken]?.text === ',') j--;
  const words: Token[] = [];
  while (j >= 0 && words.length < MAX_ROLE_WORDS) {
    const t = tokens[j];
    if (!t || !t.isWord || t.quote >= 0 || DETERMINERS.has(t.lower) || PREPOSITIONS.has(t.lower) || CLAUSE_WORDS.has(t.lower) || isCueToken(t)) break;
    // Capitalised words join the role only as adjectives ("Republican presidential candidate"), never as names.
    const named = index.mentionEndingAt.get(j);
    const namesSomeone = !!named && !(named.kind === 'unknown' && named.nameTokens.length === 1);
    if (t.cap && (namesSomeone || words.length === 0 || t.sentence !== tokens[j + 1]?.sentence)) break;
    if (t.cap && tokens[j - 1]?.cap && !DETERMINERS.has(tokens[j - 1]?.lower ?? '')) break;
    words.unshift(t);
    j--;
  }
  const nearest = words[words.length - 1];
  if (!nearest || !isRoleNoun(nearest.lower)) return null;
  const role = words.map((w) => w.text).join(' ');
  const org = organizationOf(entities, index.mentionEndingAt.get(j));
  return { role, org };
}

/** ", a Seoul's Dongguk University professor," / ", the director of the Potsdam Institute,". */
function appositiveRole(index: ArticleIndex, entities: ResolvedEntities, m: NameMention): { role: string; org: OrganizationEntity | null } | null {
  const { tokens } = index.doc;
  let i = m.endToken;
  if (tokens[i]?.text !== ',') return null;
  i++;
  // Skip an age: "Betsy Ebeling, 68, Clinton's friend".
  if (/^\d+$/.test(tokens[i]?.text ?? '') && tokens[i + 1]?.text === ',') i += 2;
  const first = tokens[i];
  if (!first || (first.isWord && CLAUSE_WORDS.has(first.lower) && first.lower !== 'as')) return null;
  const sentence = first.sentence;
  let end = i;
  while (end < tokens.length && end - i < MAX_APPOSITIVE_TOKENS) {
    const t = tokens[end];
    if (!t || t.sentence !== sentence || t.quote >= 0 || [',', '.', ';', ':', ')', '(', '"', '\u201C', '\u201D'].includes(t.text)) break;
    if (isCueToken(t)) return null;
    end++;
  }
  let roleAt = -1;
  for (let k = i; k < end; k++) {
    const t = tokens[k];
    if (t && t.isWord && !t.cap && isRoleNoun(t.lower)) {
      roleAt = k;
      // A compound role ends at its last role noun: "vice chairwoman", "chief executive".
      while (roleAt + 1 < end && isRoleNoun(tokens[roleAt + 1]?.lower ?? '') && !tokens[roleAt + 1]?.cap) roleAt++;
      break;
    }
  }
  if (roleAt < 0) return null;
  let roleStart = roleAt;
  while (roleStart - 1 >= i) {
    const t = tokens[roleStart - 1];
    if (!t || !t.isWord || t.cap || DETERMINERS.has(t.lower) || PREPOSITIONS.has(t.lower) || /['’]s$/.test(t.text)) break;
    roleStart--;
  }
  const role = tokens.slice(roleStart, roleAt + 1).map((t) => t.text).join(' ');
  let org: OrganizationEntity | null = null;
  for (let k = i; k < end; k++) {
    const other = index.mentionStartingAt.get(k);
    if (!other || other.endToken > end) continue;
    const candidate = organizationOf(entities, other);
    if (!candidate) continue;
    org = candidate;
    if (other.firstToken > roleAt) break; // "director of X" beats "X's director" when both appear
  }
  return { role, org };
}
