// Context that makes a capitalised name an organization when its words alone
// cannot tell: "chief executive of Calder Tidal Power", "a professor at
// Eastbrook", "owner of Albright Hardware". A name a person works for is a
// body, whatever its words look like; every other mention written the same
// way names the same body.

import type { LanguagePack } from '../language/pack.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { NameMention } from './mention-types.ts';
import { withoutPossessive } from '../text/tokens.ts';

/** Roles held in an organization, followed by "of", "at" or "for" and the organization. */
const ORGANIZATION_ROLES = new Set([
  'executive',
  'president',
  'director',
  'chairman',
  'chairwoman',
  'chair',
  'chairperson',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'founder',
  'co-founder',
  'cofounder',
  'owner',
  'officer',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'manager',
  'head',
  'professor',
  'lecturer',
  'researcher',
  'scientist',
  'analyst',
  'economist',
  'employee',
  'partner',
  'editor',
  'reporter',
  'correspondent',
  'columnist',
  'counsel',
  'treasurer',
  'trustee',
  'engineer',
  'dean',
  'principal',
  'coach',
  'administrator',
  'superintendent',
  'commissioner',
  'strategist',
  'fellow',
  'scholar',
  'staffer',
  'official',
  'representative',
  'vice-president',
  'organizer',
  'teacher',
  'physician',
  'surgeon',
  'pastor',
  'producer',
  'curator',
  'librarian',
  'historian',
  'biologist',
  'hydrologist',
  'chemist',
  'physicist',
  'ecologist',
]);

const ROLE_PREPOSITIONS = new Set(['of', 'at', 'for']);

/** Common nouns for organizations, which an appositive name stands beside: "the firm, Revolution Messaging,". */
const BODY_NOUNS = new Set([
  'firm',
  'company',
  'group',
  'organization',
  'organisation',
  'nonprofit',
  'charity',
  'startup',
  'agency',
  'union',
  'association',
  'bank',
  'consultancy',
  'fund',
  'coalition',
  'network',
  'institute',
  'lab',
  'laboratory',
  'studio',
  'publisher',
  'outlet',
  'newspaper',
  'magazine',
  'channel',
  'label',
  'team',
  'club',
  'chain',
  'retailer',
  'maker',
  'manufacturer',
  'developer',
  'lender',
  'insurer',
  'airline',
  'carrier',
  'operator',
  'provider',
  'university',
  'college',
  'school',
  'foundation',
  'think',
  'tank',
  'utility',
  'cooperative',
  'co-op',
  'brewery',
  'bakery',
  'store',
]);
const APPOSITIVE_REACH = 7;

/** Turns mentions that only context shows to be organizations into organizations. */
export function markOrganizationsByContext(given: ArticleIndex): ArticleIndex {
  const lang = given.doc.language;
  const names = namesOfBodiesByContext(given);
  // Most articles retype nothing here: then the index is handed on as it came, with no mention copied.
  const retypes = given.mentions.some((m) => names.has(m.name) && couldBeRetyped(m, lang));
  if (!retypes && companiesByFirstWord(given).size === 0) return given;
  const index = withCopiedMentions(given);
  for (const m of index.mentions) {
    if (!names.has(m.name) || !couldBeRetyped(m, lang)) continue;
    m.kind = 'organization';
    m.organizationKind = 'other';
    m.gender = null;
    m.weak = false;
  }
  markShortCompanyNames(index);
  return index;
}

/** Names some mention of which stands where only a body can: beside a body noun, or after "chief executive of". */
function namesOfBodiesByContext(index: ArticleIndex): Set<string> {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const names = new Set<string>();
  for (const m of index.mentions) {
    if (!couldBeRetyped(m, lang)) continue;
    if (besideBodyNoun(index, m)) {
      names.add(m.name);
      continue;
    }
    let k = m.firstToken - 1;
    if (tokens[k]?.lower === 'the') k--;
    const prep = tokens[k];
    const role = tokens[k - 1];
    if (!prep || !role || !ROLE_PREPOSITIONS.has(prep.lower) || role.cap || !ORGANIZATION_ROLES.has(role.lower))
      continue;
    names.add(m.name);
  }
  return names;
}

/**
 * The index with each mention copied, so this stage can retype its own copies and
 * leave the index it was handed as it was. The lookups by token point at the copies.
 */
function withCopiedMentions(index: ArticleIndex): ArticleIndex {
  const copyOf = new Map<NameMention, NameMention>();
  const mentions = index.mentions.map((m) => {
    const copy = { ...m };
    copyOf.set(m, copy);
    return copy;
  });
  const remap = (byToken: ReadonlyMap<number, NameMention>) =>
    new Map([...byToken].map(([k, m]): [number, NameMention] => [k, copyOf.get(m) ?? m]));
  return {
    doc: index.doc,
    mentions,
    mentionStartingAt: remap(index.mentionStartingAt),
    mentionEndingAt: remap(index.mentionEndingAt),
  };
}

/**
 * "Lumen" after "Lumen Robotics", "Brightwater" after "Brightwater Foods":
 * a company is called by the first word of its name when the rest only says
 * what kind of company it is. The single word then names the company.
 */
function markShortCompanyNames(index: ArticleIndex): void {
  const lang = index.doc.language;
  const byFirstWord = companiesByFirstWord(index);
  if (byFirstWord.size === 0) return;
  addBareFirstWords(index, byFirstWord);
  for (const m of index.mentions) {
    // "Lumen's co-founder": here a possessive single word may be the company too.
    const possessiveWord = m.possessive && m.kind === 'person' && m.weak && !m.inQuote && m.titles.length === 0;
    if (m.nameTokens.length !== 1 || m.titles.length > 0 || !(couldBeRetyped(m, lang) || possessiveWord)) continue;
    const owners = byFirstWord.get((m.nameTokens[0] ?? '').toLowerCase());
    const owner = owners?.length === 1 ? owners[0] : undefined;
    if (!owner) continue;
    m.kind = 'organization';
    m.organizationKind = owner.organizationKind;
    m.name = owner.name;
    m.gender = null;
    m.weak = false;
  }
}

/** Companies whose name is a first word and words that only say what kind of company it is, by that first word. */
function companiesByFirstWord(index: ArticleIndex): Map<string, NameMention[]> {
  const lang = index.doc.language;
  const byFirstWord = new Map<string, NameMention[]>();
  for (const m of index.mentions) {
    if (m.kind !== 'organization' || m.nameTokens.length < 2) continue;
    const rest = m.nameTokens.slice(1).map((w) => w.toLowerCase().replace(/\.$/, ''));
    if (
      !rest.every(
        (w) => lang.organizations.nameHeads.get(w) === 'company' || lang.organizations.corporateSuffixes.has(w),
      )
    )
      continue;
    const first = (m.nameTokens[0] ?? '').toLowerCase();
    const list = byFirstWord.get(first) ?? [];
    if (!list.some((x) => x.name === m.name)) list.push(m);
    byFirstWord.set(first, list);
  }
  return byFirstWord;
}

/** The bare first word the name finder passed over as an ordinary word ("Lumen" is also a unit of light). */
function addBareFirstWords(index: ArticleIndex, byFirstWord: Map<string, NameMention[]>): void {
  const { tokens } = index.doc;
  const covered = new Uint8Array(tokens.length);
  for (const m of index.mentions) for (let k = m.firstToken; k < m.endToken; k++) covered[k] = 1;
  const added: NameMention[] = [];
  tokens.forEach((t, k) => {
    if (covered[k] || !t.isWord || !t.cap || t.quote >= 0) return;
    const { base, possessive } = withoutPossessive(t.text);
    const owners = byFirstWord.get(base.toLowerCase());
    const next = tokens[k + 1];
    if (owners?.length !== 1 || (next?.cap && next.isWord && next.start - t.end === 1)) return;
    added.push({
      kind: 'unknown',
      start: t.start,
      end: t.start + base.length,
      firstToken: k,
      endToken: k + 1,
      name: base,
      nameTokens: [base],
      nameStart: t.start,
      titles: [],
      gender: null,
      possessive,
      inQuote: false,
      organizationKind: null,
      prefix: null,
      weak: false,
    });
  });
  if (added.length === 0) return;
  for (const m of added) index.mentions.push(m);
  index.mentions.sort((a, b) => a.start - b.start);
}

/** "the firm, Revolution Messaging," or "Friends of the Marsh, a neighborhood group,": a name in apposition to a body noun. */
function besideBodyNoun(index: ArticleIndex, m: NameMention): boolean {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const before = tokens[m.firstToken - 2];
  if (tokens[m.firstToken - 1]?.text === ',' && before && !before.cap && BODY_NOUNS.has(before.lower)) return true;
  if (tokens[m.endToken]?.text !== ',' || !/^(a|an|the)$/.test(tokens[m.endToken + 1]?.lower ?? '')) return false;
  for (let k = m.endToken + 2; k < Math.min(tokens.length, m.endToken + 2 + APPOSITIVE_REACH); k++) {
    const t = tokens[k];
    // The body noun must head the appositive: "a hydrologist at the institute" describes a person.
    if (
      !t?.isWord ||
      t.cap ||
      /^(who|that|which|and|or|but)$/.test(t.lower) ||
      lang.words.prepositions.has(t.lower) ||
      lang.roles.personRoleNouns.has(t.lower)
    )
      return false;
    if (BODY_NOUNS.has(t.lower)) {
      const next = tokens[k + 1];
      return !next?.isWord || /^(that|which|who|based|in|of|for|with|from)$/.test(next.lower);
    }
  }
  return false;
}

/** Only names nothing else has typed: an unknown shape, or a person by shape alone whose first word is no given name. */
function couldBeRetyped(m: NameMention, lang: LanguagePack): boolean {
  if (m.inQuote || m.titles.length > 0 || (m.possessive && m.kind === 'person' && m.nameTokens.length === 1))
    return false;
  if (m.kind === 'unknown') return true;
  return m.kind === 'person' && m.weak && !lang.names.isKnownGivenName((m.nameTokens[0] ?? '').toLowerCase());
}
