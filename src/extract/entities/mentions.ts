// Finding names: runs of capitalised words (with name particles and the
// "of"/"for"/"and" that organizations use), split into titles and the name,
// and typed as person, organization, country or place.

import { knownOrganization } from '../language/en/organizations.ts';
import { CORPORATE_SUFFIXES, EXTRA_ORGANIZATION_OPENERS } from '../language/en/name-shapes.ts';
import {
  GROUP_ROLE_NOUNS,
  HONORIFICS,
  NAME_TITLES,
  ORGANIZATION_NAME_HEADS,
  ORGANIZATION_NAME_OPENERS,
  PERSON_ROLE_NOUNS,
} from '../language/en/roles.ts';
import {
  isCalendarWord,
  isCommonWord,
  isFunctionWord,
  isKnownGivenName,
  isKnownSurname,
  placeKind,
} from '../language/en/names.ts';
import { countryOf } from '../language/en/places.ts';
import type { ArticleText } from '../text/document.ts';
import type { Token } from '../text/tokens.ts';
import { type ClassifiedRuns, classifyRun } from './classify-run.ts';
import type { NameMention } from './mention-types.ts';

/** Lower-case words allowed inside a name: particles and organization connectors. */
const NAME_PARTICLES = new Set([
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
const ORG_CONNECTORS = new Set(['of', 'for', 'and', '&', 'on', 'the']);

/** Runs longer than this are shouted headlines, not names. */
const MAX_NAME_TOKENS = 9;

/** Subheadings are skipped unless asked for (headline, dek and caption are all "headings"). */
export function findNameMentions(doc: ArticleText, options: { includeHeadings?: boolean } = {}): NameMention[] {
  const mentions: NameMention[] = [];
  const { tokens } = doc;
  // Runs are classified several times while deciding how to split them; token offsets hold within one document only.
  const classified: ClassifiedRuns = new Map();
  let i = 0;
  while (i < tokens.length) {
    if (!options.includeHeadings && doc.isHeading[tokens[i]?.paragraph ?? -1]) {
      i++;
      continue;
    }
    const run = capitalisedRun(tokens, i);
    if (run.end <= i) {
      i++;
      continue;
    }
    if (!fillsQuotation(doc, run.start, run.end)) {
      for (const part of splitRun(tokens, run.start, run.end, classified)) {
        for (const mention of classifyRun(tokens, part.start, part.end, classified)) mentions.push(mention);
      }
    }
    i = run.end;
  }
  return mentions;
}

/** ''Destiny and Power,'' on its own in quote marks is the title of a work, not a name of anyone. */
function fillsQuotation(doc: ArticleText, start: number, end: number): boolean {
  const first = doc.tokens[start];
  const last = doc.tokens[end - 1];
  if (!first || !last || first.quote < 0) return false;
  const span = doc.quotes[first.quote];
  if (!span || first.start !== span.textStart) return false;
  return !/[\p{L}\p{N}]/u.test(doc.body.slice(last.end, span.textEnd));
}

/** The longest run of name-like tokens starting at i (empty when tokens[i] cannot start a name). */
function capitalisedRun(tokens: Token[], i: number): { start: number; end: number } {
  const first = tokens[i];
  if (!first || !(startsName(first) || particleOpensName(tokens, i))) return { start: i, end: i };
  let end = i + 1;
  while (end < tokens.length) {
    const t = tokens[end];
    const prev = tokens[end - 1];
    if (!t || !prev || t.sentence !== first.sentence || t.quote !== first.quote) break;
    if (t.text === '.' && prev.end === t.start && isAbbreviatedNamePart(prev)) {
      end++;
      continue;
    }
    // "Harbor Fishermen's Association", "Castlegate Supporters’ Trust": a possessive inside an organization's name.
    const inner = innerPossessive(tokens, end);
    if (inner > end) {
      end = inner;
      continue;
    }
    if (t.start - prev.end > 1) break;
    if (prev.isWord && /['’]s$/.test(prev.text)) break; // a possessive closes the name
    if (t.cap && t.isWord && !isCalendarWord(t.lower)) {
      end++;
      continue;
    }
    if ((NAME_PARTICLES.has(t.text) || ORG_CONNECTORS.has(t.lower)) && continuesName(tokens, end)) {
      end++;
      continue;
    }
    break;
  }
  return { start: i, end };
}

/**
 * When the name so far ends in a possessive ("Fishermen's", "Supporters’")
 * and the capitalised words after it end in an organization's head noun
 * ("Association", "Trust"), the possessive is part of the name: returns the
 * run's new end (past the next word or the apostrophe mark), else -1. Curly and
 * straight apostrophes alike; a person's possessive ("Clinton's State
 * Department") closes the name as usual.
 */
function innerPossessive(tokens: Token[], end: number): number {
  const prev = tokens[end - 1];
  const t = tokens[end];
  if (!prev || !t || !prev.isWord || !prev.cap) return -1;
  let next: number;
  // The run goes on from the word after the apostrophe: past "Fishermen's" that is `end` itself, past "Supporters’" one more.
  if (/['’]s$/.test(prev.text)) next = end;
  else if ((t.text === "'" || t.text === '’') && t.start === prev.end && /s$/.test(prev.text)) next = end + 1;
  else return -1;
  const base = prev.text.replace(/['’]s$/, '').toLowerCase();
  const saint = /^(st|saint)$/.test(tokens[end - 2]?.lower ?? '');
  if (!saint && (isKnownGivenName(base) || isKnownSurname(base))) return -1;
  // "Seoul's Dongguk University", "Britain's Parliament": a place's or a known body's possessive closes the name.
  // So does an acronym's ("NASA's Ames Research Center", "USA TODAY's Board of Contributors").
  if (placeKind(base) || countryOf(base) || /^\p{Lu}{2,}$/u.test(prev.text.replace(/['’]s$/, ''))) return -1;
  let k = next;
  let last: Token | undefined;
  while (k < tokens.length && k - next < 4) {
    const w = tokens[k];
    const before = tokens[k - 1];
    if (
      !w ||
      !before ||
      !w.isWord ||
      !w.cap ||
      w.sentence !== prev.sentence ||
      w.start - before.end > 1 ||
      w.quote !== prev.quote
    )
      break;
    last = w;
    k++;
    if (/['’]s$/.test(w.text)) break;
  }
  return last && ORGANIZATION_NAME_HEADS.has(last.lower) ? end + 1 : -1;
}

function startsName(t: Token): boolean {
  return t.isWord && t.cap && !isCalendarWord(t.lower) && /\p{L}/u.test(t.text);
}

/** "de Blasio", "van Gogh": a lower-case particle directly before a capitalised name opens it. */
function particleOpensName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return (
    !!t &&
    !!next &&
    !t.cap &&
    NAME_PARTICLES.has(t.text) &&
    next.cap &&
    next.isWord &&
    next.start - t.end === 1 &&
    !isCalendarWord(next.lower)
  );
}

/** "Mr." "Sen.", initials ("D.") and company suffixes ("Inc.") keep their full stop inside the name. */
function isAbbreviatedNamePart(t: Token): boolean {
  return (
    /^\p{Lu}$/u.test(t.text) || HONORIFICS.has(t.lower) || NAME_TITLES.has(t.lower) || CORPORATE_SUFFIXES.has(t.lower)
  );
}

/** A connector belongs to the name only if a capitalised word follows it (possibly after "the"). */
function continuesName(tokens: Token[], k: number): boolean {
  const next = tokens[k + 1];
  if (!next) return false;
  if (next.lower === 'the') return tokens[k + 2]?.cap === true;
  return next.cap && next.isWord && !isCalendarWord(next.lower);
}

/**
 * Splits a run where it joins two names: a leading sentence word ("The",
 * "Another"), and "and" or "of" between names that do not make an
 * organization together ("Seth Rogen and James Franco").
 */
function splitRun(
  tokens: Token[],
  start: number,
  end: number,
  classified: ClassifiedRuns,
): Array<{ start: number; end: number }> {
  let s = start;
  while (s < end) {
    const t = tokens[s];
    if (!t?.isWord) break;
    if (NAME_PARTICLES.has(t.lower) && tokens[s + 1]?.cap) break; // "De Blasio", "de Blasio"
    const leadingWord = isFunctionWord(t.lower) && !HONORIFICS.has(t.lower) && !NAME_TITLES.has(t.lower);
    // Particles open names ("El Paso", "de Blasio"); connectors such as "of" and "and" do not.
    const connector = ORG_CONNECTORS.has(t.lower) && !NAME_PARTICLES.has(t.lower);
    if (!(leadingWord || connector)) break;
    s++;
  }
  // "Brightwater Foods Inc." keeps its full stop, so that "Inc. said" reads the company as the subject.
  while (
    end > s &&
    !tokens[end - 1]?.isWord &&
    !(tokens[end - 1]?.text === '.' && CORPORATE_SUFFIXES.has(tokens[end - 2]?.lower ?? ''))
  )
    end--;
  if (end <= s) return [];
  // A run too long to be one name may still be two joined by "and".
  if (end - s > MAX_NAME_TOKENS)
    return end - s <= 2 * MAX_NAME_TOKENS ? (splitAtAnd(tokens, s, end, classified) ?? []) : [];
  // "Members of the Harbor Association" opening a sentence: the people are not part of the name.
  if (opensWithGroupOf(tokens, s, end)) return splitRun(tokens, s + 2, end, classified);
  // "Farmer Josef Novak" at the start of a sentence: a capitalised common noun before a name.
  const lead = tokens[s];
  const secondIsGivenName = isKnownGivenName(tokens[s + 1]?.lower ?? '') && !isKnownGivenName(lead?.lower ?? '');
  const leadIsOrdinary = !!lead && (isCommonWord(lead.lower) || PERSON_ROLE_NOUNS.has(lead.lower));
  if (
    lead &&
    end - s >= 3 &&
    (leadIsOrdinary || secondIsGivenName) &&
    !HONORIFICS.has(lead.lower) &&
    !NAME_TITLES.has(lead.lower)
  ) {
    const rest = classifyRun(tokens, s + 1, end, classified);
    if (rest.length === 1 && rest[0]?.kind === 'person' && (!rest[0].weak || leadIsOrdinary))
      return [{ start: s + 1, end }];
  }
  const whole = { start: s, end };
  const pair = splitAtAnd(tokens, s, end, classified);
  if (pair) return pair;
  const joiner = findJoiner(tokens, s, end);
  if (joiner < 0) return [whole];
  // "Secretary of State Hillary Clinton" and "Bank of America" stay whole; "Mr. Burman of the Tax Policy Center" splits.
  const asOne = classifyRun(tokens, s, end, classified);
  const left = classifyRun(tokens, s, joiner, classified);
  // "Analyst Fiona Marsh of Hollis Capital": a common noun, then a person, then where they work.
  const afterLead = leadIsOrdinary && joiner - s >= 3 ? classifyRun(tokens, s + 1, joiner, classified) : [];
  const leftIsPerson =
    left.some((m) => m.kind === 'person' && (m.titles.length > 0 || !m.weak)) ||
    afterLead.some((m) => m.kind === 'person' && !m.weak);
  if (!leftIsPerson) {
    if (asOne.length === 1 && asOne[0]?.kind === 'organization') return [whole];
    if (
      asOne.some(
        (m) =>
          m.kind === 'person' &&
          m.titles.length > 0 &&
          m.firstToken <= joiner &&
          tokens[joiner] &&
          tokens[joiner].start < m.nameStart,
      )
    ) {
      return [whole];
    }
  }
  return [...splitRun(tokens, s, joiner, classified), ...splitRun(tokens, joiner + 1, end, classified)];
}

function opensWithGroupOf(tokens: Token[], s: number, end: number): boolean {
  const lead = tokens[s];
  if (!lead || tokens[s + 1]?.lower !== 'of' || end - s < 3 || tokens[s - 1]?.sentence === lead.sentence) return false;
  if (
    ORGANIZATION_NAME_OPENERS.has(lead.lower) ||
    EXTRA_ORGANIZATION_OPENERS.has(lead.lower) ||
    ORGANIZATION_NAME_HEADS.has(lead.lower)
  )
    return false;
  return GROUP_ROLE_NOUNS.has(lead.lower) || PERSON_ROLE_NOUNS.has(lead.lower);
}

/** "the Bank of the Isles and Pinewood College": two names joined by "and", each able to stand alone. */
function splitAtAnd(
  tokens: Token[],
  s: number,
  end: number,
  classified: ClassifiedRuns,
): Array<{ start: number; end: number }> | null {
  const and = findAnd(tokens, s, end);
  if (
    and <= 0 ||
    knownOrganization(
      tokens
        .slice(s, end)
        .map((t) => t.text)
        .join(' ')
        .replace(/ ([.&])/g, '$1'),
    )
  )
    return null;
  const rightStart = tokens[and + 1]?.lower === 'the' ? and + 2 : and + 1;
  if (and - s > MAX_NAME_TOKENS || end - rightStart > MAX_NAME_TOKENS) return null;
  const left = classifyRun(tokens, s, and, classified);
  const right = classifyRun(tokens, rightStart, end, classified);
  const standsAlone = (ms: NameMention[]) =>
    ms.length > 0 && ms.every((m) => m.kind === 'organization' || (m.kind === 'person' && !m.weak));
  return standsAlone(left) && standsAlone(right)
    ? [...splitRun(tokens, s, and, classified), ...splitRun(tokens, and + 1, end, classified)]
    : null;
}

function findAnd(tokens: Token[], start: number, end: number): number {
  for (let k = start + 1; k < end - 1; k++) if (tokens[k]?.lower === 'and' || tokens[k]?.text === '&') return k;
  return -1;
}

function findJoiner(tokens: Token[], start: number, end: number): number {
  for (let k = start + 1; k < end - 1; k++) {
    const t = tokens[k];
    if (t && (t.lower === 'and' || t.lower === '&' || t.lower === 'of' || t.lower === 'for' || t.lower === 'on'))
      return k;
  }
  return -1;
}
