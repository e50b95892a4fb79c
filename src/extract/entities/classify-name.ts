// Deciding what a capitalised name names, from the words alone: gazetteer and
// compromise lexicon first, then the shape of organization names, then what
// the lexicon knows about given names and surnames.

import {
  isCommonWord,
  isKnownGivenName,
  isKnownSurname,
  givenNameGender,
  isLexiconOrganization,
  placeKind,
  isDemonym,
} from '../language/en/names.ts';
import { knownOrganization, NOT_ORGANIZATION_ACRONYMS } from '../language/en/organizations.ts';
import { countryOf } from '../language/en/places.ts';
import {
  EXTRA_ORGANIZATION_OPENERS,
  GOVERNABLE_HEADS,
  GOVERNMENT_UNITS,
  PLACE_NAME_HEADS,
  PLACE_NAME_OPENERS,
} from '../language/en/name-shapes.ts';
import {
  type Gender,
  GROUP_ROLE_NOUNS,
  ORGANIZATION_NAME_HEADS,
  ORGANIZATION_NAME_OPENERS,
  ORGANIZATION_NOUNS,
  PERSON_ROLE_NOUNS,
} from '../language/en/roles.ts';
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

const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'ter',
  'zu',
]);

export function classifyName(words: readonly string[], titleLowers: readonly string[]): NameVerdict | null {
  const text = words.join(' ');
  const lower = text.toLowerCase();
  const base: Omit<NameVerdict, 'kind' | 'name'> = { gender: null, organizationKind: null, prefix: null, weak: false };

  const known = knownOrganization(text);
  if (known) return { ...base, kind: 'organization', name: known.name, organizationKind: known.kind };

  const country = countryOf(text);
  if (country) {
    // "North Korean" is an adjective, not a mention of the country as an actor.
    const isAdjective =
      lower !== country.toLowerCase() &&
      !/^(u\.?s\.?a?|u\.?k\.?|america|britain|great britain|dprk|myanmar|holland|the philippines)$/.test(lower);
    return isAdjective ? null : { ...base, kind: 'country', name: country, organizationKind: 'country' };
  }

  const orgKind = organizationShape(words);
  if (orgKind) return { ...base, kind: 'organization', name: stripLeadingThe(text), organizationKind: orgKind };

  // "Association", "Council" alone refer to a body named elsewhere; they are never a person's name.
  if (words.length === 1 && isOrganizationWord(lower)) return null;

  if (titleLowers.length === 0) {
    if (placeShape(words)) return { ...base, kind: 'place', name: text };
    const place = placeKind(lower);
    if (place === 'country') return { ...base, kind: 'country', name: text, organizationKind: 'country' };
    if (place) return { ...base, kind: 'place', name: text };
    if (words.length === 1 && isDemonym(lower)) return null;
  }

  if (isAcronym(words)) {
    if (NOT_ORGANIZATION_ACRONYMS.has(lower.replace(/\./g, ''))) return null;
    return { ...base, kind: 'organization', name: text, organizationKind: 'other' };
  }

  return personVerdict(words, titleLowers.length > 0, base);
}

function personVerdict(
  words: readonly string[],
  titled: boolean,
  base: Omit<NameVerdict, 'kind' | 'name'>,
): NameVerdict | null {
  const text = words.join(' ');
  const core = words.filter((w) => !PARTICLES.has(w.toLowerCase()) && !/^\p{Lu}\.$/u.test(w));
  const first = core[0]?.toLowerCase() ?? '';
  const last = core[core.length - 1]?.toLowerCase() ?? '';
  const gender = core.length >= 2 || titled ? (givenNameGender(first) ?? null) : null;
  if (titled) return { ...base, kind: 'person', name: text, gender };
  // "Utah Republican", "Texas Democrat": a description ending in a role noun, not a name.
  if (core.length >= 2 && PERSON_ROLE_NOUNS.has(last) && !isKnownSurname(last)) return null;
  if (core.length >= 2) {
    if (core.length > 4) return null;
    if (isKnownGivenName(first) && !isCommonWord(last)) return { ...base, kind: 'person', name: text, gender };
    if (isKnownSurname(last) && !isCommonWord(first)) return { ...base, kind: 'person', name: text, gender };
    if (core.every((w) => !isCommonWord(w.toLowerCase()) && !/^\p{Lu}+$/u.test(w))) {
      return { ...base, kind: 'person', name: text, gender, weak: true };
    }
    return { ...base, kind: 'unknown', name: text };
  }
  // "Prosecutors", "Analysts" opening a sentence are people, but not a named one.
  if (PERSON_ROLE_NOUNS.has(last) || GROUP_ROLE_NOUNS.has(last)) return null;
  if (isKnownSurname(last) || (isKnownGivenName(last) && !isCommonWord(last))) {
    return { ...base, kind: 'person', name: text, weak: true };
  }
  if (isCommonWord(last)) return null;
  return { ...base, kind: 'unknown', name: text };
}

/** "Dongguk University", "University of Chicago", "Sony Pictures", "Cook Political Report". */
export function organizationShape(written: readonly string[]): OrganizationKind | null {
  const words = written[0]?.toLowerCase() === 'the' && written.length > 2 ? written.slice(1) : written;
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const phrase = stripLeadingThe(lower.join(' '));
  if (words.length >= 1 && isLexiconOrganization(phrase)) return 'company';
  if (words.length < 2) return null;
  const head = lower[lower.length - 1] ?? '';
  const headKind = ORGANIZATION_NAME_HEADS.get(head) ?? ORGANIZATION_NAME_HEADS.get(head.replace(/['’]s$/, ''));
  if (headKind) return governedKind(lower, head, headKind);
  // "Ashby School District", "Valley Water District": a district that runs a service is a body; "Fifth District" is a place.
  if (head === 'district' && SERVICE_DISTRICTS.has(lower[lower.length - 2] ?? '')) return 'government';
  const opener = lower[0] ?? '';
  const openerKind = ORGANIZATION_NAME_OPENERS.get(opener) ?? EXTRA_ORGANIZATION_OPENERS.get(opener);
  if (openerKind && (lower[1] === 'of' || lower[1] === 'for' || lower[1] === 'on')) return openerKind;
  // "Hollis County Board of Supervisors", "Massachusetts Institute of Technology": the head stands before "of".
  const of = lower.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for'));
  const innerHead = of > 0 ? (lower[of - 1] ?? '') : '';
  const innerKind = ORGANIZATION_NAME_HEADS.get(innerHead);
  if (innerKind && of < lower.length - 1) return governedKind(lower.slice(0, of), innerHead, innerKind);
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
function governedKind(lower: readonly string[], head: string, kind: OrganizationKind): OrganizationKind {
  if (!GOVERNABLE_HEADS.has(head)) return kind;
  return lower.slice(0, -1).some((w) => GOVERNMENT_UNITS.has(w)) ? 'government' : kind;
}

/** "Port Calder", "Gull Point", "Quay Street": a place by the shape of its name, unless a given name opens it. */
function placeShape(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const first = lower[0] ?? '';
  if (isKnownGivenName(first) && !PLACE_NAME_OPENERS.has(first)) return false;
  return PLACE_NAME_OPENERS.has(first) || PLACE_NAME_HEADS.has(lower[lower.length - 1] ?? '');
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

function isOrganizationWord(lower: string): boolean {
  const word = lower.replace(/['’]s$/, '');
  return (ORGANIZATION_NAME_HEADS.has(word) || ORGANIZATION_NOUNS.has(word)) && !SINGLE_WORD_INSTITUTIONS.has(word);
}

function isAcronym(words: readonly string[]): boolean {
  if (words.length !== 1) return false;
  const w = words[0] ?? '';
  return /^(\p{Lu}\.?){2,6}$/u.test(w) || /^\p{Lu}{2,}(-\p{Lu}{2,})+$/u.test(w);
}

function stripLeadingThe(text: string): string {
  return text.replace(/^the\s+/i, '');
}
