// Affiliations read from the words around a name rather than from titles:
//   a role of a named body before the name   "The president of the Ashford Teachers Association, Mark Dalton,"
//   a relative clause after the name          "Joe Brennan, who leads the Harbor Fishermen's Association,"
//   "of" and a body after the name            "Professor Tomas Lindqvist of Northfield University"

import { isCueToken } from '../text/article-index.ts';
import type { NameMention } from './mention-types.ts';
import {
  bodyForNoun,
  type Found,
  isRoleOrOccupation,
  LOCAL_OFFICES,
  localGovernmentFor,
  MAX_APPOSITIVE_TOKENS,
  MAX_ROLE_WORDS,
  organizationOf,
  type RoleContext,
} from './role-context.ts';

/** ", who leads the …": verbs that say someone holds a post in a body, and the role they stand for. */
const LEADING_VERBS = new Map<string, string | null>([
  ['leads', 'leader'],
  ['led', 'leader'],
  ['lead', 'leader'],
  ['heads', 'head'],
  ['headed', 'head'],
  ['head', 'head'],
  ['runs', 'head'],
  ['ran', 'head'],
  ['run', 'head'],
  ['chairs', 'chair'],
  ['chaired', 'chair'],
  ['chair', 'chair'],
  ['directs', 'director'],
  ['directed', 'director'],
  ['direct', 'director'],
  ['founded', 'founder'],
  ['co-founded', 'co-founder'],
  ['owns', 'owner'],
  ['owned', 'owner'],
  ['own', 'owner'],
  ['manages', 'manager'],
  ['managed', 'manager'],
  ['manage', 'manager'],
  ['coaches', 'coach'],
  ['coached', 'coach'],
  ['coach', 'coach'],
  ['oversees', 'head'],
  ['oversaw', 'head'],
  ['oversee', 'head'],
]);
const AUXILIARIES = new Set([
  'will',
  'also',
  'now',
  'still',
  'currently',
  'would',
  'has',
  'had',
  'once',
  'previously',
  'formerly',
]);

export /** "The president of the Ashford Teachers Association, Mark Dalton,": a role of a named body, set before the name. */
function roleOfBodyBefore(ctx: RoleContext, j: number): Found | null {
  const lang = ctx.index.doc.language;
  const { index, entities } = ctx;
  const { tokens } = index.doc;
  const body = index.mentionEndingAt.get(j);
  const org = organizationOf(entities, body);
  if (!body || !org || tokens[j + 1]?.text !== ',') return null;
  let p = body.firstToken - 1;
  if (tokens[p]?.lower === 'the') p--;
  if (tokens[p]?.lower !== 'of' && tokens[p]?.lower !== 'at') return null;
  const role = tokens[p - 1];
  if (!role?.isWord || role.cap || !isRoleOrOccupation(role.lower, lang)) return null;
  let start = p - 1;
  while (
    start - 1 >= 0 &&
    tokens[start - 1]?.isWord &&
    !tokens[start - 1]?.cap &&
    !lang.words.determiners.has(tokens[start - 1]?.lower ?? '') &&
    p - start < MAX_ROLE_WORDS
  )
    start--;
  return {
    role: tokens
      .slice(start, p)
      .map((t) => t.text)
      .join(' '),
    org,
  };
}

export /** "Joe Brennan, who leads the Harbor Fishermen's Association," / ", who will direct the new … Center,". */
function relativeClauseRole(ctx: RoleContext, m: NameMention): Found | null {
  const lang = ctx.index.doc.language;
  const { index, entities } = ctx;
  const { tokens } = index.doc;
  if (tokens[m.endToken]?.text !== ',') return null;
  // The clause may follow the name or a short appositive: "Leonard Burman, a former official …, who directs the …".
  let who = m.endToken + 1;
  while (
    who < m.endToken + MAX_APPOSITIVE_TOKENS &&
    tokens[who] &&
    tokens[who]?.lower !== 'who' &&
    tokens[who]?.sentence === tokens[m.endToken]?.sentence &&
    tokens[who]?.quote === -1 &&
    !isCueToken(tokens[who], lang)
  )
    who++;
  if (tokens[who]?.lower !== 'who') return null;
  let k = who + 1;
  while (AUXILIARIES.has(tokens[k]?.lower ?? '')) k++;
  const verb = tokens[k];
  if (!verb || !LEADING_VERBS.has(verb.lower)) return null;
  k++;
  const objectLimit = k + 4;
  while (
    k < objectLimit &&
    tokens[k] &&
    !index.mentionStartingAt.has(k) &&
    /^(the|a|an|new|local|national|city's|town's)$/.test(tokens[k]?.lower ?? '')
  )
    k++;
  // "who will run the center": a noun for a body the story named.
  const noun = tokens[k];
  const referred =
    noun && !noun.cap && tokens[k - 1]?.lower === 'the' ? bodyForNoun(ctx, noun.lower, noun.start) : null;
  const org = organizationOf(entities, index.mentionStartingAt.get(k)) ?? referred;
  return org ? { role: LEADING_VERBS.get(verb.lower) ?? null, org } : null;
}

export /** "Professor Tomas Lindqvist of Northfield University", "Joe Brennan of the Harbor Fishermen's Association". */
function ofOrganization(ctx: RoleContext, m: NameMention): Found | null {
  const lang = ctx.index.doc.language;
  const { index, entities } = ctx;
  const { tokens } = index.doc;
  // Only "of": "Obama at Harvard Law School" says where, not whom he works for.
  const prep = tokens[m.endToken];
  if (prep?.lower !== 'of' || m.possessive) return null;
  let k = m.endToken + 1;
  if (tokens[k]?.lower === 'the') k++;
  const object = index.mentionStartingAt.get(k);
  if (!object) return null;
  const title = m.titles.find((t) => !lang.roles.isCourtesyTitle(t)) ?? null;
  const org = organizationOf(entities, object);
  if (org) return { role: title, org };
  // "Mayor Ana Torres of Millbrook": a local office of a place.
  return object.kind === 'place' && title && LOCAL_OFFICES.has(title.toLowerCase())
    ? { role: title, org: localGovernmentFor(ctx, object.name) }
    : null;
}
