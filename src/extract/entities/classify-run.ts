// Typing one run of capitalised words: split off titles ("President",
// "NYPD Commissioner") and an organization written before them, then let
// classify-name decide what the remaining name names.

import { datelineEnd } from '../styles/index.ts';
import type { LanguagePack } from '../language/pack.ts';
import type { Token } from '../text/tokens.ts';
import { classifyName } from './classify-name.ts';
import type { NameMention } from './mention-types.ts';

/** Title words that only qualify another title ("Vice", "Prime", "State"): alone they make no title. */
const WEAK_TITLES = new Set([
  'state',
  'first',
  'former',
  'majority',
  'minority',
  'crown',
  'grand',
  'vice',
  'prime',
  'executive',
  'chief',
  'general',
  'host',
  'anchor',
  'candidate',
  'nominee',
  'manager',
  'editor',
  'principal',
  'founder',
  'lawmaker',
  'correspondent',
  'chiefs',
  'whip',
  'officer',
  'deputy',
  'chair',
  'director',
  'speaker',
  'leader',
  'attorney',
]);

/**
 * Runs are classified several times while deciding how to split them; the
 * answers, by the run's offset and length, are remembered for one document
 * (token offsets are only meaningful within it).
 */
export type ClassifiedRuns = Map<string, NameMention[]>;

export function classifyRun(
  tokens: Token[],
  start: number,
  end: number,
  classified: ClassifiedRuns,
  lang: LanguagePack,
): NameMention[] {
  const key = `${tokens[start]?.start ?? start}:${end - start}`;
  const known = classified.get(key);
  if (known) return known;
  const result = classifyRunUncached(tokens, start, end, lang);
  classified.set(key, result);
  return result;
}

function classifyRunUncached(tokens: Token[], start: number, end: number, lang: LanguagePack): NameMention[] {
  const run = tokens.slice(start, end);
  const words = run.filter((t) => t.isWord);
  if (words.length === 0) return [];
  if (isDateline(tokens, start, end, lang)) return [];
  if (words.length > 3 && words.every((t) => t.text === t.text.toUpperCase())) return []; // shouted text
  // "The Attorney-General said": a hyphenated office alone names nobody.
  if (words.length === 1 && words[0]?.text.includes('-') && lang.roles.nameTitles.has(words[0].lower)) return [];
  const split = findTitleSplit(run, lang);
  if (split) {
    const prefix = split.prefixEnd > 0 ? buildMention(tokens, run.slice(0, split.prefixEnd), 0, 0, lang) : null;
    // One ordinary word before a title belongs to it ("Police Chief", "Labor Secretary"); anything more names a body.
    const prefixWords = run.slice(0, split.prefixEnd).filter((t) => t.isWord);
    const partOfTitle = prefixWords.length === 1 && lang.words.isCommonWord(prefixWords[0]?.lower ?? '');
    const shapeOnly = !!prefix && (prefix.kind === 'unknown' || (prefix.kind === 'person' && prefix.weak));
    const namesABody = !!prefix && (shapeOnly ? !partOfTitle : prefix.kind !== 'person');
    if (namesABody && prefix && shapeOnly) {
      prefix.kind = 'organization';
      prefix.organizationKind = 'other';
    }
    // "NYPD Commissioner X": the body is its own mention; "Police Chief X": "Police" is part of the title.
    const titled = buildMention(tokens, run, namesABody ? split.prefixEnd : 0, split.titleEnd, lang);
    if (titled && titled.kind === 'person') return namesABody && prefix ? [prefix, titled] : [titled];
  }
  const whole = buildMention(tokens, run, 0, 0, lang);
  return whole ? [whole] : [];
}

/**
 * "LA CROSSE, Wisc. —", "WASHINGTON —" or "Pune, Mar 4 (PTI)" opening a
 * paragraph: the place in a dateline (as the house-style registry knows them),
 * not a name. An organization known by its acronym opening a paragraph
 * ("NASA — …") is still a name.
 */
function isDateline(tokens: Token[], start: number, end: number, lang: LanguagePack): boolean {
  const first = tokens[start];
  const last = tokens[end - 1];
  if (!first || !last) return false;
  const datelineStop = datelineEnd(tokens, start);
  if (datelineStop === start || last.start >= (tokens[datelineStop - 1]?.end ?? 0)) return false;
  const words = tokens.slice(start, end).filter((t) => t.isWord);
  return !(words.length === 1 && words[0] && knownAcronym(words[0].text, lang));
}

function knownAcronym(word: string, lang: LanguagePack): boolean {
  return lang.organizations.known(word) !== undefined;
}

/** Where a title block starts and ends inside a run: "[NYPD] [Commissioner] [James O'Neill]". */
function findTitleSplit(run: Token[], lang: LanguagePack): { prefixEnd: number; titleEnd: number } | null {
  for (let i = 0; i < run.length - 1; i++) {
    const t = run[i];
    if (!t?.isWord || !(lang.roles.honorifics.has(t.lower) || lang.roles.nameTitles.has(t.lower))) continue;
    const titleEnd = i + leadingTitlesEnd(run.slice(i), lang);
    if (titleEnd <= i) return null;
    const block = run
      .slice(i, titleEnd)
      .filter((x) => x.isWord)
      .map((x) => x.lower);
    const hasCoreTitle = block.some(
      (w) => lang.roles.honorifics.has(w) || (lang.roles.nameTitles.has(w) && !WEAK_TITLES.has(w)),
    );
    const qualifiedWeak = block.length >= 2 && block.some((w) => lang.roles.nameTitles.has(w));
    if (hasCoreTitle || qualifiedWeak || (block.length === 1 && i > 0)) return { prefixEnd: i, titleEnd };
    return null;
  }
  return null;
}

function buildMention(
  tokens: Token[],
  run: Token[],
  prefixEnd: number,
  titleEnd: number,
  lang: LanguagePack,
): NameMention | null {
  const titles = run.slice(prefixEnd, titleEnd).filter((t) => t.isWord);
  const nameRun = run.slice(titleEnd);
  const last = nameRun[nameRun.length - 1];
  const firstNameToken = nameRun[0];
  const firstRun = run[prefixEnd];
  if (!last || !firstNameToken || !firstRun) return null;
  const possessive = last.isWord && (/['’]s$|s['’]$/.test(last.text) || pluralPossessiveMark(tokens, last));
  const nameWords = joinInitials(
    nameRun
      .filter((t) => t.isWord || t.text === '.' || t.text === '&' || isInnerApostrophe(t, nameRun))
      .map((t, k, all) => (k === all.length - 1 && possessive ? t.text.replace(/['’]s$|['’]$/, '') : t.text)),
  );
  if (nameWords.length === 0) return null;
  const verdict = classifyName(
    nameWords,
    titles.map((t) => t.lower),
    lang,
  );
  if (!verdict) return null;
  const prefixWords = run
    .slice(0, prefixEnd)
    .filter((t) => t.isWord)
    .map((t) => t.text.replace(/['’]s$/, ''));
  const prefixVerdict = prefixWords.length > 0 ? classifyName(prefixWords, [], lang) : null;
  const honorificGender = titles
    .map((t) => lang.roles.honorifics.get(t.lower) ?? lang.roles.titleGender.get(t.lower))
    .find((g) => g);
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

/** "Reyes' email": the apostrophe after a final s is its own token, glued to the word. */
export function pluralPossessiveMark(tokens: Token[], word: Token): boolean {
  if (!/s$/i.test(word.text)) return false;
  const mark = tokens[tokenIndex(tokens, word) + 1];
  const after = tokens[tokenIndex(tokens, word) + 2];
  return (
    !!mark && (mark.text === "'" || mark.text === '’') && mark.start === word.end && (!after || after.start > mark.end)
  );
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

/** "D" "." → "D." so initials read as written; "Supporters" "’" → "Supporters’". */
function joinInitials(parts: string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if ((p === '.' || p === "'" || p === '’') && out.length > 0) out[out.length - 1] += p;
    else if (p !== '.') out.push(p);
  }
  return out;
}

/** The apostrophe of "Supporters’ Trust" inside a name, glued to the word before it. */
function isInnerApostrophe(t: Token, run: Token[]): boolean {
  if (t.text !== "'" && t.text !== '’') return false;
  const i = run.indexOf(t);
  return i > 0 && i < run.length - 1 && run[i - 1]?.end === t.start;
}

/**
 * How many leading tokens are titles ("President", "Mr.", "Secretary of
 * State"), provided a name is left after them.
 */
function leadingTitlesEnd(run: Token[], lang: LanguagePack): number {
  let k = 0;
  let sawTitle = false;
  while (k < run.length) {
    const t = run[k];
    if (!t) break;
    if (t.text === '.') {
      k++;
      continue;
    }
    if (lang.roles.honorifics.has(t.lower) || lang.roles.nameTitles.has(t.lower)) {
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
