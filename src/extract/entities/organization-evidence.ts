// Context that makes a capitalised name an organization when its words alone
// cannot tell: "chief executive of Calder Tidal Power", "a professor at
// Eastbrook", "owner of Albright Hardware". A name a person works for is a
// body, whatever its words look like; every other mention written the same
// way names the same body.

import { isKnownGivenName } from '../lexicon/names.ts';
import { PERSON_ROLE_NOUNS } from '../lexicon/roles.ts';
import { type ArticleIndex, PREPOSITIONS } from '../text/article-index.ts';
import type { NameMention } from './mention-types.ts';

/** Roles held in an organization, followed by "of", "at" or "for" and the organization. */
const ORGANIZATION_ROLES = new Set([
  'executive', 'president', 'director', 'chairman', 'chairwoman', 'chair', 'chairperson', 'ceo', 'cfo', 'coo', 'cto',
  'founder', 'co-founder', 'cofounder', 'owner', 'officer', 'spokesman', 'spokeswoman', 'spokesperson', 'manager',
  'head', 'professor', 'lecturer', 'researcher', 'scientist', 'analyst', 'economist', 'employee', 'partner', 'editor',
  'reporter', 'correspondent', 'columnist', 'counsel', 'treasurer', 'trustee', 'engineer', 'dean', 'principal',
  'coach', 'administrator', 'superintendent', 'commissioner', 'strategist', 'fellow', 'scholar', 'staffer',
  'official', 'representative', 'vice-president', 'organizer', 'teacher', 'physician', 'surgeon', 'pastor',
  'producer', 'curator', 'librarian', 'historian', 'biologist', 'hydrologist', 'chemist', 'physicist', 'ecologist',
]);

const ROLE_PREPOSITIONS = new Set(['of', 'at', 'for']);

/** Common nouns for organizations, which an appositive name stands beside: "the firm, Revolution Messaging,". */
const BODY_NOUNS = new Set([
  'firm', 'company', 'group', 'organization', 'organisation', 'nonprofit', 'charity', 'startup', 'agency', 'union',
  'association', 'bank', 'consultancy', 'fund', 'coalition', 'network', 'institute', 'lab', 'laboratory', 'studio',
  'publisher', 'outlet', 'newspaper', 'magazine', 'channel', 'label', 'team', 'club', 'chain', 'retailer', 'maker',
  'manufacturer', 'developer', 'lender', 'insurer', 'airline', 'carrier', 'operator', 'provider', 'university',
  'college', 'school', 'foundation', 'think', 'tank', 'utility', 'cooperative', 'co-op', 'brewery', 'bakery', 'store',
]);
const APPOSITIVE_REACH = 7;

/** Turns mentions that only context shows to be organizations into organizations. */
export function markOrganizationsByContext(index: ArticleIndex): void {
  const { tokens } = index.doc;
  const names = new Set<string>();
  for (const m of index.mentions) {
    if (!couldBeRetyped(m)) continue;
    if (besideBodyNoun(index, m)) {
      names.add(m.name);
      continue;
    }
    let k = m.firstToken - 1;
    if (tokens[k]?.lower === 'the') k--;
    const prep = tokens[k];
    const role = tokens[k - 1];
    if (!prep || !role || !ROLE_PREPOSITIONS.has(prep.lower) || role.cap || !ORGANIZATION_ROLES.has(role.lower)) continue;
    names.add(m.name);
  }
  if (names.size === 0) return;
  for (const m of index.mentions) {
    if (!names.has(m.name) || !couldBeRetyped(m)) continue;
    m.kind = 'organization';
    m.organizationKind = 'other';
    m.gender = null;
    m.weak = false;
  }
}

/** "the firm, Revolution Messaging," or "Friends of the Marsh, a neighborhood group,": a name in apposition to a body noun. */
function besideBodyNoun(index: ArticleIndex, m: NameMention): boolean {
  const { tokens } = index.doc;
  const before = tokens[m.firstToken - 2];
  if (tokens[m.firstToken - 1]?.text === ',' && before && !before.cap && BODY_NOUNS.has(before.lower)) return true;
  if (tokens[m.endToken]?.text !== ',' || !/^(a|an|the)$/.test(tokens[m.endToken + 1]?.lower ?? '')) return false;
  for (let k = m.endToken + 2; k < Math.min(tokens.length, m.endToken + 2 + APPOSITIVE_REACH); k++) {
    const t = tokens[k];
    // The body noun must head the appositive: "a hydrologist at the institute" describes a person.
    if (!t || !t.isWord || t.cap || /^(who|that|which|and|or|but)$/.test(t.lower) || PREPOSITIONS.has(t.lower) || PERSON_ROLE_NOUNS.has(t.lower)) return false;
    if (BODY_NOUNS.has(t.lower)) {
      const next = tokens[k + 1];
      return !next || !next.isWord || /^(that|which|who|based|in|of|for|with|from)$/.test(next.lower);
    }
  }
  return false;
}

/** Only names nothing else has typed: an unknown shape, or a person by shape alone whose first word is no given name. */
function couldBeRetyped(m: NameMention): boolean {
  if (m.inQuote || m.titles.length > 0 || m.possessive && m.kind === 'person' && m.nameTokens.length === 1) return false;
  if (m.kind === 'unknown') return true;
  return m.kind === 'person' && m.weak && !isKnownGivenName((m.nameTokens[0] ?? '').toLowerCase());
}
