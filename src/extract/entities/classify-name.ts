// Deciding what a capitalised name names, from the words alone: gazetteer and
// compromise lexicon first, then the shape of organization names, then what
// the lexicon knows about given names and surnames.

import type { Gender, LanguagePack } from '../language/pack.ts';
import type { OrganizationKind } from '../types.ts';
import type { MentionKind } from './mention-types.ts';

export interface NameVerdict {
  kind: MentionKind;
  name: string;
  gender: Gender | null;
  organizationKind: OrganizationKind | null;
  prefix: { name: string; kind: MentionKind; organizationKind: OrganizationKind | null } | null;
  weak: boolean;
}

/**
 * Verdicts depend only on the words, whether a title stood before them and the pack, and the same names come back
 * many times in an article (and across articles): remembered per pack, frozen, a bounded number at a time.
 */
const verdictsByPack = new WeakMap<LanguagePack, Map<string, Readonly<NameVerdict> | null>>();
const VERDICT_CACHE_LIMIT = 20_000;

export function classifyName(
  words: readonly string[],
  titleLowers: readonly string[],
  lang: LanguagePack,
): Readonly<NameVerdict> | null {
  let verdicts = verdictsByPack.get(lang);
  if (!verdicts) {
    verdicts = new Map();
    verdictsByPack.set(lang, verdicts);
  }
  // Titles matter only by being there: the key is that and the words, which never hold a newline.
  const key = `${titleLowers.length > 0 ? 't' : 'u'}\n${words.join('\n')}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = classifyWords(words, titleLowers, lang);
  if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
  verdicts.set(key, verdict && Object.freeze(verdict));
  return verdict;
}

function classifyWords(
  words: readonly string[],
  titleLowers: readonly string[],
  lang: LanguagePack,
): NameVerdict | null {
  const text = words.join(' ');
  const lower = text.toLowerCase();
  const base: Omit<NameVerdict, 'kind' | 'name'> = { gender: null, organizationKind: null, prefix: null, weak: false };

  const known = lang.organizations.known(text);
  if (known) return { ...base, kind: 'organization', name: known.name, organizationKind: known.kind };

  const country = lang.names.countryOf(text);
  if (country) {
    // "North Korean" is an adjective, not a mention of the country as an actor.
    const isAdjective =
      lower !== country.toLowerCase() &&
      !/^(u\.?s\.?a?|u\.?k\.?|america|britain|great britain|dprk|myanmar|holland|the philippines)$/.test(lower);
    return isAdjective ? null : { ...base, kind: 'country', name: country, organizationKind: 'country' };
  }

  const orgKind = organizationShape(words, lang);
  if (orgKind) return { ...base, kind: 'organization', name: stripLeadingThe(text), organizationKind: orgKind };

  // "Association", "Council" alone refer to a body named elsewhere; they are never a person's name.
  if (words.length === 1 && isOrganizationWord(lower, lang)) return null;

  if (titleLowers.length === 0) {
    if (placeShape(words, lang)) return { ...base, kind: 'place', name: text };
    const place = lang.names.placeKind(lower);
    if (place === 'country') return { ...base, kind: 'country', name: text, organizationKind: 'country' };
    if (place) return { ...base, kind: 'place', name: text };
    if (words.length === 1 && lang.names.isDemonym(lower)) return null;
  }

  if (isAcronym(words)) {
    if (lang.organizations.notAcronyms.has(lower.replace(/\./g, ''))) return null;
    return { ...base, kind: 'organization', name: text, organizationKind: 'other' };
  }

  return personVerdict(words, titleLowers.length > 0, base, lang);
}

function personVerdict(
  words: readonly string[],
  titled: boolean,
  base: Omit<NameVerdict, 'kind' | 'name'>,
  lang: LanguagePack,
): NameVerdict | null {
  const text = words.join(' ');
  const core = words.filter((w) => !lang.names.particles.has(w.toLowerCase()) && !/^\p{Lu}\.$/u.test(w));
  const first = core[0]?.toLowerCase() ?? '';
  const last = core[core.length - 1]?.toLowerCase() ?? '';
  const gender = core.length >= 2 || titled ? (lang.names.givenNameGender(first) ?? null) : null;
  if (titled) return { ...base, kind: 'person', name: text, gender };
  // "Utah Republican", "Texas Democrat": a description ending in a role noun, not a name.
  if (core.length >= 2 && lang.roles.personRoleNouns.has(last) && !lang.names.isKnownSurname(last)) return null;
  if (core.length >= 2) {
    if (core.length > 4) return null;
    if (lang.names.isKnownGivenName(first) && !lang.words.isCommonWord(last))
      return { ...base, kind: 'person', name: text, gender };
    if (lang.names.isKnownSurname(last) && !lang.words.isCommonWord(first))
      return { ...base, kind: 'person', name: text, gender };
    if (core.every((w) => !lang.words.isCommonWord(w.toLowerCase()) && !/^\p{Lu}+$/u.test(w))) {
      return { ...base, kind: 'person', name: text, gender, weak: true };
    }
    return { ...base, kind: 'unknown', name: text };
  }
  // "Prosecutors", "Analysts" opening a sentence are people, but not a named one.
  if (lang.roles.personRoleNouns.has(last) || lang.roles.groupRoleNouns.has(last)) return null;
  if (lang.names.isKnownSurname(last) || (lang.names.isKnownGivenName(last) && !lang.words.isCommonWord(last))) {
    return { ...base, kind: 'person', name: text, weak: true };
  }
  if (lang.words.isCommonWord(last)) return null;
  return { ...base, kind: 'unknown', name: text };
}

/** "Dongguk University", "University of Chicago", "Sony Pictures", "Cook Political Report". */
export function organizationShape(written: readonly string[], lang: LanguagePack): OrganizationKind | null {
  const words = written[0]?.toLowerCase() === 'the' && written.length > 2 ? written.slice(1) : written;
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const phrase = stripLeadingThe(lower.join(' '));
  if (words.length >= 1 && lang.organizations.isInLexicon(phrase)) return 'company';
  if (words.length < 2) return null;
  const head = lower[lower.length - 1] ?? '';
  const headKind =
    lang.organizations.nameHeads.get(head) ?? lang.organizations.nameHeads.get(head.replace(/['’]s$/, ''));
  if (headKind) return governedKind(lower, head, headKind, lang);
  // "Ashby School District", "Valley Water District": a district that runs a service is a body; "Fifth District" is a place.
  if (head === 'district' && SERVICE_DISTRICTS.has(lower[lower.length - 2] ?? '')) return 'government';
  const opener = lower[0] ?? '';
  const openerKind = lang.organizations.nameOpeners.get(opener) ?? lang.organizations.extraOpeners.get(opener);
  if (openerKind && (lower[1] === 'of' || lower[1] === 'for' || lower[1] === 'on')) return openerKind;
  // "Hollis County Board of Supervisors", "Massachusetts Institute of Technology": the head stands before "of".
  const of = lower.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for'));
  const innerHead = of > 0 ? (lower[of - 1] ?? '') : '';
  const innerKind = lang.organizations.nameHeads.get(innerHead);
  if (innerKind && of < lower.length - 1) return governedKind(lower.slice(0, of), innerHead, innerKind, lang);
  if (lower.includes('&')) return 'company';
  return null;
}

const SERVICE_DISTRICTS = new Set([
  'school',
  'water',
  'sanitation',
  'fire',
  'park',
  'parks',
  'utility',
  'irrigation',
  'transit',
  'hospital',
  'library',
  'sewer',
  'port',
]);

/** "City Council", "County Board", "State Supreme Court": a body of government whatever its head usually names. */
function governedKind(
  lower: readonly string[],
  head: string,
  kind: OrganizationKind,
  lang: LanguagePack,
): OrganizationKind {
  if (!lang.names.governableHeads.has(head)) return kind;
  return lower.slice(0, -1).some((w) => lang.names.governmentUnits.has(w)) ? 'government' : kind;
}

/** "Port Calder", "Gull Point", "Quay Street": a place by the shape of its name, unless a given name opens it. */
function placeShape(words: readonly string[], lang: LanguagePack): boolean {
  if (words.length < 2) return false;
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const first = lower[0] ?? '';
  if (lang.names.isKnownGivenName(first) && !lang.names.placeNameOpeners.has(first)) return false;
  return lang.names.placeNameOpeners.has(first) || lang.names.placeNameHeads.has(lower[lower.length - 1] ?? '');
}

/** Institutions a country has one of, so that their bare name names them: "the Army", "Parliament". */
const SINGLE_WORD_INSTITUTIONS = new Set([
  'army',
  'navy',
  'police',
  'senate',
  'congress',
  'parliament',
  'cabinet',
  'government',
  'administration',
  'military',
  'court',
  'guard',
  'treasury',
  'marines',
]);

function isOrganizationWord(lower: string, lang: LanguagePack): boolean {
  const word = lower.replace(/['’]s$/, '');
  return (
    (lang.organizations.nameHeads.has(word) || lang.roles.organizationNouns.has(word)) &&
    !SINGLE_WORD_INSTITUTIONS.has(word)
  );
}

function isAcronym(words: readonly string[]): boolean {
  if (words.length !== 1) return false;
  const w = words[0] ?? '';
  return /^(\p{Lu}\.?){2,6}$/u.test(w) || /^\p{Lu}{2,}(-\p{Lu}{2,})+$/u.test(w);
}

function stripLeadingThe(text: string): string {
  return text.replace(/^the\s+/i, '');
}
