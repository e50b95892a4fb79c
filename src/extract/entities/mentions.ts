// Finding names: runs of capitalised words (with name particles and the
// "of"/"for"/"and" that organizations use), split into titles and the name,
// and typed as person, organization, country or place.

import { knownOrganization } from '../lexicon/organizations.ts';
import { countryOf } from '../lexicon/places.ts';
import { HONORIFICS, NAME_TITLES, PERSON_ROLE_NOUNS, TITLE_GENDER } from '../lexicon/roles.ts';
import { isCalendarWord, isCommonWord, isFunctionWord, isKnownGivenName } from '../lexicon/names.ts';
import type { ArticleText } from '../text/document.ts';
import type { Token } from '../text/tokens.ts';
import { classifyName } from './classify-name.ts';
import type { NameMention } from './mention-types.ts';

/** Lower-case words allowed inside a name: particles and organization connectors. */
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'y', 'ter', 'zu']);
const ORG_CONNECTORS = new Set(['of', 'for', 'and', '&', 'on', 'the']);

/** Runs longer than this are shouted headlines, not names. */
const MAX_NAME_TOKENS = 9;

/** Subheadings are skipped unless asked for (headline, dek and caption are all "headings"). */
export function findNameMentions(doc: ArticleText, options: { includeHeadings?: boolean } = {}): NameMention[] {
  const mentions: NameMention[] = [];
  const { tokens } = doc;
  classified.clear();
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
    for (const part of splitRun(tokens, run.start, run.end)) {
      for (const mention of classifyRun(tokens, part.start, part.end)) mentions.push(mention);
    }
    i = run.end;
  }
  return mentions;
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

function startsName(t: Token): boolean {
  return t.isWord && t.cap && !isCalendarWord(t.lower) && /\p{L}/u.test(t.text);
}

/** "de Blasio", "van Gogh": a lower-case particle directly before a capitalised name opens it. */
function particleOpensName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return !!t && !!next && !t.cap && NAME_PARTICLES.has(t.text) && next.cap && next.isWord && next.start - t.end === 1 && !isCalendarWord(next.lower);
}

/** "Mr." "Sen." and initials ("D.") keep their full stop inside the name. */
function isAbbreviatedNamePart(t: Token): boolean {
  return /^\p{Lu}$/u.test(t.text) || HONORIFICS.has(t.lower) || NAME_TITLES.has(t.lower);
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
function splitRun(tokens: Token[], start: number, end: number): Array<{ start: number; end: number }> {
  let s = start;
  while (s < end) {
    const t = tokens[s];
    if (!t || !t.isWord) break;
    if (NAME_PARTICLES.has(t.lower) && tokens[s + 1]?.cap) break; // "De Blasio", "de Blasio"
    const leadingWord = isFunctionWord(t.lower) && !HONORIFICS.has(t.lower) && !NAME_TITLES.has(t.lower);
    // Particles open names ("El Paso", "de Blasio"); connectors such as "of" and "and" do not.
    const connector = ORG_CONNECTORS.has(t.lower) && !NAME_PARTICLES.has(t.lower);
    if (!(leadingWord || connector)) break;
    s++;
  }
  while (end > s && !tokens[end - 1]?.isWord) end--;
  if (end - s > MAX_NAME_TOKENS || end <= s) return [];
  // "Farmer Josef Novak" at the start of a sentence: a capitalised common noun before a name.
  const lead = tokens[s];
  const secondIsGivenName = isKnownGivenName(tokens[s + 1]?.lower ?? '') && !isKnownGivenName(lead?.lower ?? '');
  const leadIsOrdinary = !!lead && (isCommonWord(lead.lower) || PERSON_ROLE_NOUNS.has(lead.lower));
  if (lead && end - s >= 3 && (leadIsOrdinary || secondIsGivenName) && !HONORIFICS.has(lead.lower) && !NAME_TITLES.has(lead.lower)) {
    const rest = classifyRun(tokens, s + 1, end);
    if (rest.length === 1 && rest[0]?.kind === 'person' && (!rest[0].weak || leadIsOrdinary)) return [{ start: s + 1, end }];
  }
  const whole = { start: s, end };
  // "the Bank of the Isles and Pinewood College": two names joined by "and" split first.
  const and = findAnd(tokens, s, end);
  if (and > 0 && !knownOrganization(tokens.slice(s, end).map((t) => t.text).join(' ').replace(/ ([.&])/g, '$1'))) {
    const left = classifyRun(tokens, s, and);
    const right = classifyRun(tokens, and + 1, end);
    const standsAlone = (ms: NameMention[]) => ms.length > 0 && ms.every((m) => m.kind === 'organization' || (m.kind === 'person' && !m.weak));
    if (standsAlone(left) && standsAlone(right)) return [...splitRun(tokens, s, and), ...splitRun(tokens, and + 1, end)];
  }
  const joiner = findJoiner(tokens, s, end);
  if (joiner < 0) return [whole];
  // "Secretary of State Hillary Clinton" and "Bank of America" stay whole; "Mr. Burman of the Tax Policy Center" splits.
  const asOne = classifyRun(tokens, s, end);
  const left = classifyRun(tokens, s, joiner);
  const leftIsPerson = left.some((m) => m.kind === 'person' && (m.titles.length > 0 || !m.weak));
  if (!leftIsPerson) {
    if (asOne.length === 1 && asOne[0]?.kind === 'organization') return [whole];
    if (asOne.some((m) => m.kind === 'person' && m.titles.length > 0 && m.firstToken <= joiner && tokens[joiner] && tokens[joiner].start < m.nameStart)) {
      return [whole];
    }
  }
  return [...splitRun(tokens, s, joiner), ...splitRun(tokens, joiner + 1, end)];
}

function findAnd(tokens: Token[], start: number, end: number): number {
  for (let k = start + 1; k < end - 1; k++) if (tokens[k]?.lower === 'and' || tokens[k]?.text === '&') return k;
  return -1;
}

function findJoiner(tokens: Token[], start: number, end: number): number {
  for (let k = start + 1; k < end - 1; k++) {
    const t = tokens[k];
    if (t && (t.lower === 'and' || t.lower === '&' || t.lower === 'of' || t.lower === 'for' || t.lower === 'on')) return k;
  }
  return -1;
}

/** Title words that only qualify another title ("Vice", "Prime", "State"): alone they make no title. */
const WEAK_TITLES = new Set([
  'state', 'first', 'former', 'majority', 'minority', 'crown', 'grand', 'vice', 'prime', 'executive', 'chief',
  'general', 'host', 'anchor', 'candidate', 'nominee', 'manager', 'editor', 'principal', 'founder', 'lawmaker',
  'correspondent', 'chiefs', 'whip', 'officer', 'deputy', 'chair', 'director', 'speaker', 'leader', 'attorney',
]);

/** Runs are classified several times while deciding how to split them; remember the answers. */
const classified = new Map<string, NameMention[]>();

function classifyRun(tokens: Token[], start: number, end: number): NameMention[] {
  const key = `${tokens[start]?.start ?? start}:${end - start}`;
  const known = classified.get(key);
  if (known) return known;
  const result = classifyRunUncached(tokens, start, end);
  classified.set(key, result);
  return result;
}

function classifyRunUncached(tokens: Token[], start: number, end: number): NameMention[] {
  const run = tokens.slice(start, end);
  const words = run.filter((t) => t.isWord);
  if (words.length === 0) return [];
  if (isDateline(tokens, start, end)) return [];
  if (words.length > 3 && words.every((t) => t.text === t.text.toUpperCase())) return []; // shouted text
  const split = findTitleSplit(run);
  if (split) {
    const prefix = split.prefixEnd > 0 ? buildMention(tokens, run.slice(0, split.prefixEnd), 0, 0) : null;
    // One ordinary word before a title belongs to it ("Police Chief", "Labor Secretary"); anything more names a body.
    const prefixWords = run.slice(0, split.prefixEnd).filter((t) => t.isWord);
    const partOfTitle = prefixWords.length === 1 && isCommonWord(prefixWords[0]?.lower ?? '');
    const shapeOnly = !!prefix && (prefix.kind === 'unknown' || (prefix.kind === 'person' && prefix.weak));
    const namesABody = !!prefix && (shapeOnly ? !partOfTitle : prefix.kind !== 'person');
    if (namesABody && prefix && shapeOnly) {
      prefix.kind = 'organization';
      prefix.organizationKind = 'other';
    }
    // "NYPD Commissioner X": the body is its own mention; "Police Chief X": "Police" is part of the title.
    const titled = buildMention(tokens, run, namesABody ? split.prefixEnd : 0, split.titleEnd);
    if (titled && titled.kind === 'person') return namesABody && prefix ? [prefix, titled] : [titled];
  }
  const whole = buildMention(tokens, run, 0, 0);
  return whole ? [whole] : [];
}

/** "LA CROSSE, Wisc. —" or "WASHINGTON —" opening a paragraph: a dateline, not a name. */
function isDateline(tokens: Token[], start: number, end: number): boolean {
  const first = tokens[start];
  const previous = tokens[start - 1];
  if (!first || (previous && previous.paragraph === first.paragraph)) return false;
  const words = tokens.slice(start, end).filter((t) => t.isWord);
  if (!words.every((t) => t.text === t.text.toUpperCase() && t.text.length > 1)) return false;
  if (words.length === 1 && words[0] && knownAcronym(words[0].text)) return false;
  const after = tokens[end]?.text ?? '';
  return after === ',' || after === '—' || after === '–' || after === '-' || after === '(';
}

function knownAcronym(word: string): boolean {
  return knownOrganization(word) !== undefined;
}

/** Where a title block starts and ends inside a run: "[NYPD] [Commissioner] [James O'Neill]". */
function findTitleSplit(run: Token[]): { prefixEnd: number; titleEnd: number } | null {
  for (let i = 0; i < run.length - 1; i++) {
    const t = run[i];
    if (!t || !t.isWord || !(HONORIFICS.has(t.lower) || NAME_TITLES.has(t.lower))) continue;
    const titleEnd = i + leadingTitlesEnd(run.slice(i));
    if (titleEnd <= i) return null;
    const block = run.slice(i, titleEnd).filter((x) => x.isWord).map((x) => x.lower);
    const hasCoreTitle = block.some((w) => HONORIFICS.has(w) || (NAME_TITLES.has(w) && !WEAK_TITLES.has(w)));
    const qualifiedWeak = block.length >= 2 && block.some((w) => NAME_TITLES.has(w));
    if (hasCoreTitle || qualifiedWeak || (block.length === 1 && i > 0)) return { prefixEnd: i, titleEnd };
    return null;
  }
  return null;
}

function buildMention(tokens: Token[], run: Token[], prefixEnd: number, titleEnd: number): NameMention | null {
  const titles = run.slice(prefixEnd, titleEnd).filter((t) => t.isWord);
  const nameRun = run.slice(titleEnd);
  const last = nameRun[nameRun.length - 1];
  const firstNameToken = nameRun[0];
  const firstRun = run[prefixEnd];
  if (!last || !firstNameToken || !firstRun) return null;
  const possessive = last.isWord && /['’]s$|s['’]$/.test(last.text);
  const nameWords = joinInitials(
    nameRun
      .filter((t) => t.isWord || t.text === '.')
      .map((t, k, all) => (k === all.length - 1 && possessive ? t.text.replace(/['’]s$|['’]$/, '') : t.text)),
  );
  if (nameWords.length === 0) return null;
  const verdict = classifyName(nameWords, titles.map((t) => t.lower));
  if (!verdict) return null;
  const prefixWords = run.slice(0, prefixEnd).filter((t) => t.isWord).map((t) => t.text.replace(/['’]s$/, ''));
  const prefixVerdict = prefixWords.length > 0 ? classifyName(prefixWords, []) : null;
  const honorificGender = titles.map((t) => HONORIFICS.get(t.lower) ?? TITLE_GENDER.get(t.lower)).find((g) => g);
  const endOffset = possessive ? last.end - (/['’]s$/.test(last.text) ? 2 : 1) : last.end;
  return {
    kind: verdict.kind,
    start: firstRun.start,
    end: endOffset,
    firstToken: tokenIndex(tokens, firstRun),
    endToken: tokenIndex(tokens, last) + 1,
    name: verdict.name,
    nameTokens: nameWords,
    nameStart: firstNameToken.start,
    titles: titles.length > 0 ? [titleText(titles, run)] : [],
    gender: honorificGender ?? verdict.gender,
    possessive,
    inQuote: firstRun.quote >= 0,
    organizationKind: verdict.organizationKind,
    prefix:
      prefixVerdict && prefixVerdict.kind !== 'person' && prefixVerdict.kind !== 'unknown'
        ? { name: prefixVerdict.name, kind: prefixVerdict.kind, organizationKind: prefixVerdict.organizationKind }
        : prefixWords.length > 0
          ? { name: prefixWords.join(' '), kind: 'unknown', organizationKind: null }
          : null,
    weak: verdict.weak,
  };
}

function tokenIndex(tokens: Token[], t: Token): number {
  // Tokens are unique objects in document order; binary search by offset.
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = tokens[mid];
    if (!m) break;
    if (m.start === t.start) return mid;
    if (m.start < t.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo;
}

/** "D" "." → "D." so initials read as written. */
function joinInitials(parts: string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if (p === '.' && out.length > 0) out[out.length - 1] += '.';
    else if (p !== '.') out.push(p);
  }
  return out;
}

/**
 * How many leading tokens are titles ("President", "Mr.", "Secretary of
 * State"), provided a name is left after them.
 */
function leadingTitlesEnd(run: Token[]): number {
  let k = 0;
  let sawTitle = false;
  while (k < run.length) {
    const t = run[k];
    if (!t) break;
    if (t.text === '.') {
      k++;
      continue;
    }
    if (HONORIFICS.has(t.lower) || NAME_TITLES.has(t.lower)) {
      sawTitle = true;
      k++;
      continue;
    }
    if (sawTitle && t.lower === 'of') {
      // "Secretary of State Hillary Clinton": the office runs on until the name.
      let j = k + 1;
      while (j < run.length - 2 && run[j]?.cap && !looksLikeGivenNameStart(run, j)) j++;
      k = j;
      continue;
    }
    break;
  }
  if (!sawTitle) return 0;
  const rest = run.slice(k).filter((t) => t.isWord);
  return rest.length > 0 ? k : 0;
}

function looksLikeGivenNameStart(run: Token[], j: number): boolean {
  return run.length - j <= 3;
}

function titleText(titles: Token[], run: Token[]): string {
  const first = titles[0];
  const last = titles[titles.length - 1];
  if (!first || !last) return '';
  const parts: string[] = [];
  for (const t of run) {
    if (t.start < first.start || t.start > last.start) continue;
    if (t.text === '.' && parts.length > 0) parts[parts.length - 1] += '.';
    else parts.push(t.text);
  }
  return parts.join(' ');
}

/** Is this capitalised sequence a country or the adjective of one ("North Korean")? */
export function isCountryWord(text: string): boolean {
  return countryOf(text) !== undefined;
}
