// Single quotation marks as a house style: ‘…’ or '…' as the primary quotes (many
// British, Irish and Australian outlets), with "…" for quotes within quotes. The
// same glyphs are apostrophes inside words (didn't, O'Kelly), before elided words
// and years ('90s, 'em, rock 'n' roll) and after plural possessives (players'),
// so a mark counts only where a quotation can open or close.

import type { QuoteMarkConvention } from '../language/pack.ts';
import type { QuoteSpan } from './quote-marks.ts';

interface SingleMarks {
  openers: ReadonlySet<string>;
  closers: ReadonlySet<string>;
  elided: RegExp;
  doubleMarks: RegExp;
  anySingle: RegExp;
  /** Every single mark, opening or closing, found natively. */
  scan: RegExp;
}

const compiled = new WeakMap<QuoteMarkConvention, SingleMarks>();

function singleMarksOf(convention: QuoteMarkConvention): SingleMarks {
  const found = compiled.get(convention);
  if (found) return found;
  const escapeMark = (c: string) => c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
  const doubles = [...convention.either, ...convention.opening, ...convention.closing].map(escapeMark).join('');
  const doubled = convention.doubledSingles
    .filter((c) => convention.singleClosing.includes(c))
    .map((c) => escapeMark(c + c));
  const made: SingleMarks = {
    openers: new Set(convention.singleOpening),
    closers: new Set(convention.singleClosing),
    elided: convention.elidedWordStart,
    doubleMarks: new RegExp([`[${doubles}]`, ...doubled].join('|'), 'g'),
    anySingle: new RegExp(`[${convention.singleOpening.map(escapeMark).join('')}]`),
    scan: new RegExp(
      `[${[...new Set([...convention.singleOpening, ...convention.singleClosing])].map(escapeMark).join('')}]`,
      'g',
    ),
  };
  compiled.set(convention, made);
  return made;
}

const BEFORE_OPENING = /[\s([{—–\-"“]/;
const AFTER_CLOSING = /[\s.,;:!?)\]}—–\-"”]/;

function isOpening(text: string, i: number, marks: SingleMarks): boolean {
  const c = text[i] ?? '';
  if (!marks.openers.has(c)) return false;
  const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
  const after = text[i + 1] ?? ' ';
  if (!BEFORE_OPENING.test(before) || /\s/.test(after) || after === c) return false;
  return !marks.elided.test(text.slice(i + 1, i + 7));
}

function isClosing(text: string, i: number, marks: SingleMarks): boolean {
  const c = text[i] ?? '';
  if (!marks.closers.has(c)) return false;
  const before = text[i - 1] ?? ' ';
  const after = i + 1 >= text.length ? ' ' : (text[i + 1] ?? ' ');
  if (/\s/.test(before) || !AFTER_CLOSING.test(after) || after === c) return false;
  // "the players' union": a plural possessive is followed by a lower-case word, not by a clause end.
  if (before === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4))) return false;
  // "rock 'n' roll": the mark ends a word that began with an elision mark.
  const word = /(?:^|\s)(\S{1,8})$/.exec(text.slice(Math.max(0, i - 9), i))?.[1] ?? '';
  return !(marks.openers.has(word[0] ?? '') && marks.elided.test(word.slice(1)));
}

/** Quoted stretches of one paragraph in single marks; one left open runs to the paragraph's end (it goes on in the next). */
export function findSingleQuotedStretches(
  text: string,
  base: number,
  paragraph: number,
  convention: QuoteMarkConvention,
): QuoteSpan[] {
  const marks = singleMarksOf(convention);
  const spans: QuoteSpan[] = [];
  let open = -1;
  const emit = (from: number, to: number, closeEnd: number, unclosed: boolean) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e - s >= 2)
      spans.push({
        paragraph,
        open: base + from - 1,
        textStart: base + s,
        textEnd: base + e,
        closeEnd: base + closeEnd,
        unclosed,
      });
  };
  for (const m of text.matchAll(marks.scan)) {
    const i = m.index ?? 0;
    if (open < 0) {
      if (isOpening(text, i, marks)) open = i + 1;
    } else if (isClosing(text, i, marks)) {
      emit(open, i, i + 1, false);
      open = -1;
    }
  }
  if (open >= 0) emit(open, text.length, text.length, true);
  return spans;
}

/**
 * Does the article quote with single marks? Yes when it has quotations in single
 * marks (closed within their paragraph) and no double marks, or at least two of
 * them and fewer than half as many double marks.
 */
export function quotesWithSingleMarks(paragraphs: readonly string[], convention: QuoteMarkConvention): boolean {
  const marks = singleMarksOf(convention);
  let single = 0;
  let double = 0;
  for (const text of paragraphs) {
    // Counted with native pattern scans: this runs over every article, most of which have no single marks at all.
    double += text.match(marks.doubleMarks)?.length ?? 0;
    if (!marks.anySingle.test(text)) continue;
    for (const s of findSingleQuotedStretches(text, 0, 0, convention)) if (!s.unclosed) single++;
  }
  return single >= 1 && (double === 0 || (single >= 2 && single * 2 > double));
}

/** Does the paragraph open with a single mark that opens a quotation (a quotation going on from the paragraph before)? */
export function opensWithSingleQuote(text: string, convention: QuoteMarkConvention): boolean {
  const start = text.search(/\S/);
  return start >= 0 && isOpening(text, start, singleMarksOf(convention));
}
