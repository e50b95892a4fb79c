// Roles and affiliations, read from how a person is introduced:
//   titles and the body before them   "NYPD Commissioner James O'Neill", "Council President Dana Whitfield"
//   a role noun just before the name  "campaign manager Robby Mook", "its president, Angela Moore"
//   an appositive after the name      "Koh Yu-hwan, a Seoul's Dongguk University professor,"
//   a relative clause after the name  "Joe Brennan, who leads the Harbor Fishermen's Association,"
//   "of" and a body after the name    "Professor Tomas Lindqvist of Northfield University"
// An organization may be named ("of Calder Tidal Power") or referred to ("the
// company's", "its", "at the institute"); a local office with no body named
// belongs to the government of the place the story is datelined in.

import { copyEntitiesAndMentions } from './copy.ts';
import type { LanguagePack } from '../language/pack.ts';
import { type ArticleIndex, isCueToken } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import type { Entity, OrganizationEntity, PersonEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';
import {
  datelinePlace,
  organizationForNoun,
  organizationForPossessive,
  organizationsChanged,
  organizationsEndingWith,
} from './organization-reference.ts';
import type { ResolvedEntities } from './resolve.ts';
import { ofOrganization, relativeClauseRole, roleOfBodyBefore } from './role-clauses.ts';
import {
  bodyForNoun,
  type Found,
  isBodyNoun,
  isRoleNoun,
  isRoleOrOccupation,
  LOCAL_OFFICES,
  localGovernmentFor,
  MAX_APPOSITIVE_TOKENS,
  MAX_ROLE_WORDS,
  organizationOf,
  type RoleContext,
} from './role-context.ts';

export { isRoleNoun, isRoleOrOccupation } from './role-context.ts';

export interface Affiliation {
  person: PersonEntity;
  organization: OrganizationEntity;
  role: string | null;
}

export interface RoleFindings {
  rolesOf: Map<PersonEntity, string[]>;
  affiliations: Affiliation[];
}

export function findRoles(
  index: ArticleIndex,
  entities: ResolvedEntities,
  home: string | null = datelinePlace(index.doc),
): RoleFindings {
  const ctx: RoleContext = { index, entities, home };
  const rolesOf = new Map<PersonEntity, string[]>();
  // Affiliations by person and organization, so each finding is checked against its own pair only.
  const byPair = new Map<PersonEntity, Map<OrganizationEntity, Affiliation[]>>();
  const order = new Map<Affiliation, number>();
  const add = (person: PersonEntity, found: Found | null) => {
    if (!found) return;
    const { role, org } = found;
    if (role) {
      const list = rolesOf.get(person) ?? [];
      if (!list.includes(role)) list.push(role);
      rolesOf.set(person, list);
    }
    if (!org) return;
    let ofPerson = byPair.get(person);
    if (!ofPerson) byPair.set(person, (ofPerson = new Map()));
    const pair = ofPerson.get(org) ?? [];
    // A bare finding ("of the Harbor Association") adds nothing once the same body is known with a role.
    if (pair.some((a) => a.role === role || role === null)) return;
    const roleless = pair.findIndex((a) => a.role === null);
    if (roleless >= 0) pair.splice(roleless, 1);
    const affiliation: Affiliation = { person, organization: org, role };
    pair.push(affiliation);
    ofPerson.set(org, pair);
    order.set(affiliation, order.size);
  };
  for (const m of index.mentions) {
    const person = entities.entityOf.get(m);
    if (person?.type !== 'person' || m.inQuote) continue;
    add(person, titleAffiliation(ctx, m));
    add(person, roleBefore(ctx, m));
    add(person, appositiveRole(ctx, m));
    add(person, relativeClauseRole(ctx, m));
    add(person, ofOrganization(ctx, m));
  }
  const affiliations = [...byPair.values()].flatMap((ofPerson) => [...ofPerson.values()].flat());
  affiliations.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { rolesOf, affiliations };
}

/**
 * "NYPD Commissioner James O'Neill": the body named before the title.
 * "Council President Dana Whitfield": a title naming a body by its head noun means the one the story named.
 * "Mayor Elena Márquez": a local office with no body named is the home place's.
 */
function titleAffiliation(ctx: RoleContext, m: NameMention): Found | null {
  const lang = ctx.index.doc.language;
  const title = m.titles[0];
  if (!title || lang.roles.isCourtesyTitle(title)) return null;
  const prefixMention = m.prefix ? ctx.index.mentionEndingAt.get(m.firstToken - 1) : undefined;
  const named = organizationOf(ctx.entities, prefixMention);
  const lower = title.toLowerCase();
  if (named) {
    // "Millbrook Mayor Ray Donnelly": a place before a local office names its government.
    if (LOCAL_OFFICES.has(lower) && named.kind === 'other') {
      named.kind = 'government';
      organizationsChanged(ctx.entities);
    }
    return { role: title, org: named };
  }
  if (LOCAL_OFFICES.has(lower)) {
    const place = m.prefix && (m.prefix.kind === 'place' || m.prefix.kind === 'unknown') ? m.prefix.name : null;
    return { role: title, org: localGovernmentFor(ctx, place) };
  }
  const noun = lower.split(/\s+/).find((w) => lang.organizations.kindsOfNoun.has(w));
  return { role: title, org: noun && !m.prefix ? organizationForNoun(ctx.entities, noun, m.start, lang) : null };
}

/** "campaign manager Robby Mook", "his campaign manager, Jeff Weaver", "Its president, Angela Moore". */
function roleBefore(ctx: RoleContext, m: NameMention): Found | null {
  const lang = ctx.index.doc.language;
  const { index, entities } = ctx;
  const { tokens } = index.doc;
  let j = m.firstToken - 1;
  if (tokens[j]?.text === ',' && tokens[m.endToken]?.text === ',') j--;
  const words: Token[] = [];
  while (j >= 0 && words.length < MAX_ROLE_WORDS) {
    const t = tokens[j];
    if (
      !t?.isWord ||
      t.quote >= 0 ||
      lang.words.determiners.has(t.lower) ||
      lang.words.prepositions.has(t.lower) ||
      lang.words.clauseWords.has(t.lower) ||
      isCueToken(t, lang)
    )
      break;
    // Capitalised words join the role only as adjectives ("Republican presidential candidate"), never as names.
    const named = index.mentionEndingAt.get(j);
    const namesSomeone = !!named && !(named.kind === 'unknown' && named.nameTokens.length === 1);
    // "Striker Dmitri Volkov" opening a sentence: a role noun capitalised only because it comes first.
    const sentenceInitialRole =
      t.cap && !namesSomeone && tokens[j - 1]?.sentence !== t.sentence && isRoleNoun(t.lower, lang);
    if (t.cap && !sentenceInitialRole && (namesSomeone || words.length === 0 || t.sentence !== tokens[j + 1]?.sentence))
      break;
    if (t.cap && tokens[j - 1]?.cap && !lang.words.determiners.has(tokens[j - 1]?.lower ?? '')) break;
    words.unshift(t);
    j--;
  }
  const nearest = words[words.length - 1];
  if (!nearest) return roleOfBodyBefore(ctx, j);
  if (!isRoleNoun(nearest.lower, lang)) return null;
  // "The Wanderers’ head coach": the apostrophe of a plural possessive stopped the scan.
  const apostrophe = tokens[j]?.text === '’' || tokens[j]?.text === "'";
  const possessor = apostrophe && tokens[j - 1]?.end === tokens[j]?.start ? j - 1 : j;
  // "the company's chief financial officer", "the county attorney": a noun for a body opens the role.
  const opener = words[0];
  const openerNoun = opener ? opener.lower.replace(/['’]s$/, '') : '';
  const refersToBody = !!opener && words.length >= 2 && isBodyNoun(openerNoun, lang);
  const byWord = organizationNamedByWord(entities, words[0], lang);
  // The role is the office, without the body's name or a possessive noun before it: "Rovers manager" → "manager".
  const roleWords = (refersToBody && /['’]s$/.test(opener.text)) || byWord ? words.slice(1) : words;
  // A word capitalised only because it opens the sentence is written in lower case: "Striker" → "striker".
  const opensSentence = (w: Token) => w === words[0] && tokens[j]?.sentence !== w.sentence && isRoleNoun(w.lower, lang);
  const role = roleWords
    .map((w) => (w.cap && opensSentence(w) && !/\p{Lu}/u.test(w.text.slice(1)) ? w.lower : w.text))
    .join(' ');
  const at = tokens[m.firstToken]?.start ?? 0;
  let org =
    organizationOf(entities, index.mentionEndingAt.get(possessor)) ??
    byWord ??
    organizationNamedByWord(entities, apostrophe ? tokens[possessor] : undefined, lang);
  if (!org && refersToBody) org = bodyForNoun(ctx, openerNoun, at);
  if (!org && tokens[j]?.lower === 'its') org = organizationForPossessive(ctx.index, entities, at);
  return { role, org };
}

/** "Rovers manager": a capitalised word that is the distinctive last word of one organization's name. */
function organizationNamedByWord(
  entities: ResolvedEntities,
  word: Token | undefined,
  lang: LanguagePack,
): OrganizationEntity | null {
  if (!word?.cap) return null;
  const lower = word.lower.replace(/['’]s$/, '');
  if (isBodyNoun(lower, lang)) return null; // "Council member" names no one body by itself
  const owners = organizationsEndingWith(entities, lower);
  return owners.length === 1 ? (owners[0] ?? null) : null;
}

/** ", a Seoul's Dongguk University professor," / ", the director of the Potsdam Institute," / ", the company's chief executive,". */
function appositiveRole(ctx: RoleContext, m: NameMention): Found | null {
  const lang = ctx.index.doc.language;
  const { index, entities } = ctx;
  const { tokens } = index.doc;
  let i = m.endToken;
  if (tokens[i]?.text !== ',') return null;
  i++;
  // Skip an age: "Betsy Ebeling, 68, Clinton's friend".
  if (/^\d+$/.test(tokens[i]?.text ?? '') && tokens[i + 1]?.text === ',') i += 2;
  const first = tokens[i];
  if (!first || (first.isWord && lang.words.clauseWords.has(first.lower) && first.lower !== 'as')) return null;
  const sentence = first.sentence;
  let end = i;
  while (end < tokens.length && end - i < MAX_APPOSITIVE_TOKENS) {
    const t = tokens[end];
    if (
      !t ||
      t.sentence !== sentence ||
      t.quote >= 0 ||
      [',', '.', ';', ':', ')', '(', '"', '\u201C', '\u201D'].includes(t.text)
    )
      break;
    // "the marine biologist who told fishermen …": the relative clause is no part of the appositive.
    if (end > i && /^(who|whom|whose|which|that)$/.test(t.lower)) break;
    if (isCueToken(t, lang)) return null;
    end++;
  }
  let roleAt = -1;
  for (let k = i; k < end; k++) {
    const t = tokens[k];
    if (t?.isWord && !t.cap && isRoleOrOccupation(t.lower, lang)) {
      roleAt = k;
      break;
    }
  }
  if (roleAt < 0) return null;
  // A compound role ends at its last role noun before a preposition: "vice chairwoman", "chief lending officer".
  for (let k = roleAt + 1; k < end; k++) {
    const t = tokens[k];
    if (
      !t?.isWord ||
      t.cap ||
      lang.words.prepositions.has(t.lower) ||
      lang.words.clauseWords.has(t.lower) ||
      lang.words.determiners.has(t.lower)
    )
      break;
    if (isRoleNoun(t.lower, lang)) roleAt = k;
  }
  let roleStart = roleAt;
  while (roleStart - 1 >= i) {
    const t = tokens[roleStart - 1];
    if (
      !t?.isWord ||
      t.cap ||
      lang.words.determiners.has(t.lower) ||
      lang.words.prepositions.has(t.lower) ||
      /['’]s$/.test(t.text)
    )
      break;
    roleStart--;
  }
  const role = tokens
    .slice(roleStart, roleAt + 1)
    .map((t) => t.text)
    .join(' ');
  let org: OrganizationEntity | null = null;
  for (let k = i; k < end; k++) {
    const other = index.mentionStartingAt.get(k);
    if (!other || other.endToken > end) continue;
    const candidate = organizationOf(entities, other);
    if (!candidate) continue;
    org = candidate;
    if (other.firstToken > roleAt) break; // "director of X" beats "X's director" when both appear
  }
  return { role, org: org ?? referredBody(ctx, roleStart, roleAt, end) };
}

/** "the company's chief executive", "its president", "a hydrologist at the institute": the body the words point to. */
function referredBody(ctx: RoleContext, roleStart: number, roleAt: number, end: number): OrganizationEntity | null {
  const { tokens } = ctx.index.doc;
  const at = tokens[roleStart]?.start ?? 0;
  const before = tokens[roleStart - 1];
  if (before && /['’]s$/.test(before.text) && !before.cap)
    return bodyForNoun(ctx, before.lower.replace(/['’]s$/, ''), at);
  if (before && before.lower === 'its') return organizationForPossessive(ctx.index, ctx.entities, at);
  const prep = tokens[roleAt + 1];
  if (!prep || !['of', 'at', 'for'].includes(prep.lower)) return null;
  let k = roleAt + 2;
  if (tokens[k]?.lower === 'the') k++;
  const noun = tokens[k];
  if (!noun || k >= end || noun.cap || (tokens[k + 1]?.isWord && k + 1 < end)) return null;
  return bodyForNoun(ctx, noun.lower, at);
}

/** Entities and the roles found for them, copied together so the roles name the copied people and organizations. */
export function copyEntitiesAndRoles(
  entities: ResolvedEntities,
  roles: RoleFindings,
): { entities: ResolvedEntities; roles: RoleFindings } {
  const copied = copyEntitiesAndMentions(entities, []);
  const moved = <E extends Entity>(e: E): E => (copied.copyOf.get(e) as E | undefined) ?? e;
  return {
    entities: copied.entities,
    roles: {
      ...roles,
      rolesOf: new Map([...roles.rolesOf].map(([p, list]): [PersonEntity, string[]] => [moved(p), [...list]])),
      affiliations: roles.affiliations.map((a) => ({
        ...a,
        person: moved(a.person),
        organization: moved(a.organization),
      })),
    },
  };
}
