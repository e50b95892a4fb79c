// Finding names: runs of capitalised words (with name particles and the
// "of"/"for"/"and" that organizations use), split into titles and the name,
// and typed as person, organization, country or place.

import type { LanguagePack } from '../language/pack.ts';
import type { ArticleText } from '../text/document.ts';
import type { Token } from '../text/tokens.ts';
import { type ClassifiedRuns, classifyRun } from './classify-run.ts';
import type { NameMention } from './mention-types.ts';

/** Lower-case words allowed inside a name: particles and organization connectors. */
const ORG_CONNECTORS = new Set(['of', 'for', 'and', '&', 'on', 'the']);

/** Runs longer than this are shouted headlines, not names. */
const MAX_NAME_TOKENS = 9;

/** Subheadings are skipped unless asked for (headline, dek and caption are all "headings"). */
export function findNameMentions(doc: ArticleText, options: { includeHeadings?: boolean } = {}): NameMention[] {
  const lang = doc.language;
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
    const run = capitalisedRun(tokens, i, lang);
    if (run.end <= i) {
      i++;
      continue;
    }
    if (!fillsQuotation(doc, run.start, run.end)) {
      for (const part of splitRun(tokens, run.start, run.end, classified, lang)) {
        for (const mention of classifyRun(tokens, part.start, part.end, classified, lang)) mentions.push(mention);
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
function capitalisedRun(tokens: Token[], i: number, lang: LanguagePack): { start: number; end: number } {
  const first = tokens[i];
  if (!first || !(startsName(first, lang) || particleOpensName(tokens, i, lang))) return { start: i, end: i };
  let end = i + 1;
  while (end < tokens.length) {
    const t = tokens[end];
    const prev = tokens[end - 1];
    if (!t || !prev || t.sentence !== first.sentence || t.quote !== first.quote) break;
    if (t.text === '.' && prev.end === t.start && isAbbreviatedNamePart(prev, lang)) {
      end++;
      continue;
    }
    // "Harbor Fishermen's Association", "Castlegate Supporters’ Trust": a possessive inside an organization's name.
    const inner = innerPossessive(tokens, end, lang);
    if (inner > end) {
      end = inner;
      continue;
    }
    if (t.start - prev.end > 1) break;
    if (prev.isWord && /['’]s$/.test(prev.text)) break; // a possessive closes the name
    if (t.cap && t.isWord && !lang.words.isCalendarWord(t.lower)) {
      end++;
      continue;
    }
    if ((lang.names.particles.has(t.text) || ORG_CONNECTORS.has(t.lower)) && continuesName(tokens, end, lang)) {
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
function innerPossessive(tokens: Token[], end: number, lang: LanguagePack): number {
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
  if (!saint && (lang.names.isKnownGivenName(base) || lang.names.isKnownSurname(base))) return -1;
  // "Seoul's Dongguk University", "Britain's Parliament": a place's or a known body's possessive closes the name.
  // So does an acronym's ("NASA's Ames Research Center", "USA TODAY's Board of Contributors").
  if (lang.names.placeKind(base) || lang.names.countryOf(base) || /^\p{Lu}{2,}$/u.test(prev.text.replace(/['’]s$/, '')))
    return -1;
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
  return last && lang.organizations.nameHeads.has(last.lower) ? end + 1 : -1;
}

function startsName(t: Token, lang: LanguagePack): boolean {
  return t.isWord && t.cap && !lang.words.isCalendarWord(t.lower) && /\p{L}/u.test(t.text);
}

/** "de Blasio", "van Gogh": a lower-case particle directly before a capitalised name opens it. */
function particleOpensName(tokens: Token[], i: number, lang: LanguagePack): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return (
    !!t &&
    !!next &&
    !t.cap &&
    next.cap &&
    next.isWord &&
    next.start - t.end === 1 &&
    lang.names.particles.has(t.text) &&
    !lang.words.isCalendarWord(next.lower)
  );
}

/** "Mr." "Sen.", initials ("D.") and company suffixes ("Inc.") keep their full stop inside the name. */
function isAbbreviatedNamePart(t: Token, lang: LanguagePack): boolean {
  return (
    /^\p{Lu}$/u.test(t.text) ||
    lang.roles.honorifics.has(t.lower) ||
    lang.roles.nameTitles.has(t.lower) ||
    lang.organizations.corporateSuffixes.has(t.lower)
  );
}

/** A connector belongs to the name only if a capitalised word follows it (possibly after "the"). */
function continuesName(tokens: Token[], k: number, lang: LanguagePack): boolean {
  const next = tokens[k + 1];
  if (!next) return false;
  if (next.lower === 'the') return tokens[k + 2]?.cap === true;
  return next.cap && next.isWord && !lang.words.isCalendarWord(next.lower);
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
  lang: LanguagePack,
): Array<{ start: number; end: number }> {
  let s = start;
  while (s < end) {
    const t = tokens[s];
    if (!t?.isWord) break;
    if (lang.names.particles.has(t.lower) && tokens[s + 1]?.cap) break; // "De Blasio", "de Blasio"
    const leadingWord =
      lang.words.isFunctionWord(t.lower) && !lang.roles.honorifics.has(t.lower) && !lang.roles.nameTitles.has(t.lower);
    // Particles open names ("El Paso", "de Blasio"); connectors such as "of" and "and" do not.
    const connector = ORG_CONNECTORS.has(t.lower) && !lang.names.particles.has(t.lower);
    if (!(leadingWord || connector)) break;
    s++;
  }
  // "Brightwater Foods Inc." keeps its full stop, so that "Inc. said" reads the company as the subject.
  while (
    end > s &&
    !tokens[end - 1]?.isWord &&
    !(tokens[end - 1]?.text === '.' && lang.organizations.corporateSuffixes.has(tokens[end - 2]?.lower ?? ''))
  )
    end--;
  if (end <= s) return [];
  // A run too long to be one name may still be two joined by "and".
  if (end - s > MAX_NAME_TOKENS)
    return end - s <= 2 * MAX_NAME_TOKENS ? (splitAtAnd(tokens, s, end, classified, lang) ?? []) : [];
  // "Members of the Harbor Association" opening a sentence: the people are not part of the name.
  if (opensWithGroupOf(tokens, s, end, lang)) return splitRun(tokens, s + 2, end, classified, lang);
  // "Farmer Josef Novak" at the start of a sentence: a capitalised common noun before a name.
  const lead = tokens[s];
  const secondIsGivenName =
    lang.names.isKnownGivenName(tokens[s + 1]?.lower ?? '') && !lang.names.isKnownGivenName(lead?.lower ?? '');
  const leadIsOrdinary = !!lead && (lang.words.isCommonWord(lead.lower) || lang.roles.personRoleNouns.has(lead.lower));
  if (
    lead &&
    end - s >= 3 &&
    (leadIsOrdinary || secondIsGivenName) &&
    !lang.roles.honorifics.has(lead.lower) &&
    !lang.roles.nameTitles.has(lead.lower)
  ) {
    const rest = classifyRun(tokens, s + 1, end, classified, lang);
    if (rest.length === 1 && rest[0]?.kind === 'person' && (!rest[0].weak || leadIsOrdinary))
      return [{ start: s + 1, end }];
  }
  const whole = { start: s, end };
  const pair = splitAtAnd(tokens, s, end, classified, lang);
  if (pair) return pair;
  const joiner = findJoiner(tokens, s, end);
  if (joiner < 0) return [whole];
  // "Secretary of State Hillary Clinton" and "Bank of America" stay whole; "Mr. Burman of the Tax Policy Center" splits.
  const asOne = classifyRun(tokens, s, end, classified, lang);
  const left = classifyRun(tokens, s, joiner, classified, lang);
  // "Analyst Fiona Marsh of Hollis Capital": a common noun, then a person, then where they work.
  const afterLead = leadIsOrdinary && joiner - s >= 3 ? classifyRun(tokens, s + 1, joiner, classified, lang) : [];
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
  return [...splitRun(tokens, s, joiner, classified, lang), ...splitRun(tokens, joiner + 1, end, classified, lang)];
}

function opensWithGroupOf(tokens: Token[], s: number, end: number, lang: LanguagePack): boolean {
  const lead = tokens[s];
  if (!lead || tokens[s + 1]?.lower !== 'of' || end - s < 3 || tokens[s - 1]?.sentence === lead.sentence) return false;
  if (
    lang.organizations.nameOpeners.has(lead.lower) ||
    lang.organizations.extraOpeners.has(lead.lower) ||
    lang.organizations.nameHeads.has(lead.lower)
  )
    return false;
  return lang.roles.groupRoleNouns.has(lead.lower) || lang.roles.personRoleNouns.has(lead.lower);
}

/** "the Bank of the Isles and Pinewood College": two names joined by "and", each able to stand alone. */
function splitAtAnd(
  tokens: Token[],
  s: number,
  end: number,
  classified: ClassifiedRuns,
  lang: LanguagePack,
): Array<{ start: number; end: number }> | null {
  const and = findAnd(tokens, s, end);
  if (
    and <= 0 ||
    lang.organizations.known(
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
  const left = classifyRun(tokens, s, and, classified, lang);
  const right = classifyRun(tokens, rightStart, end, classified, lang);
  const standsAlone = (ms: NameMention[]) =>
    ms.length > 0 && ms.every((m) => m.kind === 'organization' || (m.kind === 'person' && !m.weak));
  return standsAlone(left) && standsAlone(right)
    ? [...splitRun(tokens, s, and, classified, lang), ...splitRun(tokens, and + 1, end, classified, lang)]
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
