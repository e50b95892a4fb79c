// Finding quoted stretches in a paragraph, with the marks the language pack's
// convention names: for English curly and straight double quotes, guillemets,
// and doubled apostrophes ('') used as quote marks. Single quotes are left
// alone: inside a quotation they are nested quotes, and outside one they are
// far more often apostrophes.

import type { QuoteMarkConvention } from '../language/pack.ts';

export interface QuoteSpan {
  paragraph: number;
  /** Offset of the opening mark. */
  open: number;
  /** The quoted words: body.slice(textStart, textEnd), trimmed of spaces. */
  textStart: number;
  textEnd: number;
  /** Offset just past the closing mark (or the paragraph end when unclosed). */
  closeEnd: number;
  /** No closing mark before the paragraph ended. */
  unclosed: boolean;
}

type MarkRole = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  length: number;
  role: MarkRole;
}

/** A convention turned into lookups once: one native pattern finds the marks, a map gives their roles. */
interface CompiledMarks {
  roleOf: ReadonlyMap<string, MarkRole>;
  /** Every mark: a single glyph, or a doubled single mark ('' standing for "). */
  scan: RegExp;
  anyDouble: RegExp;
  opensParagraph: RegExp;
  /** The first curly single opening and closing glyphs, the only single marks read outside a single-mark house style. */
  curlySingles: RegExp | null;
}

const compiled = new WeakMap<QuoteMarkConvention, CompiledMarks>();

function escapeClass(chars: readonly string[]): string {
  return chars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
}

function compile(convention: QuoteMarkConvention): CompiledMarks {
  const found = compiled.get(convention);
  if (found) return found;
  const roleOf = new Map<string, MarkRole>();
  for (const c of convention.opening) roleOf.set(c, 'open');
  for (const c of convention.closing) roleOf.set(c, 'close');
  for (const c of convention.either) roleOf.set(c, 'either');
  const doubleGlyphs = escapeClass([...convention.opening, ...convention.closing, ...convention.either]);
  const openGlyphs = escapeClass([
    ...convention.opening,
    ...convention.either,
    ...convention.singleOpening.slice(0, 1),
  ]);
  const doubledAlternatives = convention.doubledSingles.map((c) => `${c}${c}`).join('|');
  const made: CompiledMarks = {
    roleOf,
    scan: new RegExp(
      [
        `[${doubleGlyphs}]`,
        ...convention.doubledSingles.map((c) => c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&').repeat(2)),
      ].join('|'),
      'g',
    ),
    anyDouble: new RegExp(`[${doubleGlyphs}]`),
    opensParagraph: new RegExp(`^\\s*([${openGlyphs}]${doubledAlternatives ? `|${doubledAlternatives}` : ''})`),
    curlySingles: curlySinglesScan(convention),
  };
  compiled.set(convention, made);
  return made;
}

function curlySinglesScan(convention: QuoteMarkConvention): RegExp | null {
  const [opening, closing] = [convention.singleOpening[0], convention.singleClosing[0]];
  // A glyph of more than one character is never equal to one character of the text: nothing to find.
  if (opening?.length !== 1 || closing?.length !== 1) return null;
  return new RegExp(`[${escapeClass([opening, closing])}]`, 'g');
}

/** All quote marks in a paragraph, with the role their glyph and surroundings suggest. */
function findMarks(text: string, marksOf: CompiledMarks): Mark[] {
  const marks: Mark[] = [];
  // Scanned natively: this runs over every paragraph of every article.
  for (const m of text.matchAll(marksOf.scan)) {
    const at = m.index ?? 0;
    const length = m[0].length;
    const glyph: MarkRole = length === 1 ? (marksOf.roleOf.get(m[0]) ?? 'either') : 'either';
    marks.push({ at, length, role: correctedRole(text, at, length, glyph) });
  }
  return marks;
}

/**
 * Typists and converters swap curly marks ("Wins“ that"). A mark glued to the
 * word before it and followed by a space closes; one after a space and glued
 * to the next word opens — whatever its glyph says.
 */
function correctedRole(text: string, at: number, length: number, glyph: MarkRole): MarkRole {
  const before = at === 0 ? ' ' : (text[at - 1] ?? ' ');
  const after = text[at + length] ?? ' ';
  const spaceBefore = /[\s([{—–-]/.test(before);
  const spaceAfter = /[\s)\]}.,;:!?—–-]/.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  return glyph;
}

/** Quoted stretches of one paragraph; `base` is the paragraph's offset in the body. */
export function findQuoteSpans(
  text: string,
  base: number,
  paragraph: number,
  convention: QuoteMarkConvention,
): QuoteSpan[] {
  const marksOf = compile(convention);
  const doubleMarks = findDoubleQuoteSpans(text, base, paragraph, marksOf);
  if (doubleMarks.length > 0 || marksOf.anyDouble.test(text)) return doubleMarks;
  return findSingleQuoteSpans(text, base, paragraph, convention, marksOf.curlySingles);
}

/**
 * Some house styles quote with single curly marks: ‘We will win,’ she said.
 * Read only in paragraphs without double marks, and only with the curly
 * glyphs, because the straight apostrophe is everywhere ("don't", "'90s").
 * An opening mark follows a space; a closing mark is followed by a space or
 * punctuation and is not an apostrophe inside a word ("it’s").
 */
function findSingleQuoteSpans(
  text: string,
  base: number,
  paragraph: number,
  convention: QuoteMarkConvention,
  curlySingles: RegExp | null,
): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  if (!curlySingles) return spans;
  // Only the curly glyphs: the straight one is an apostrophe far too often.
  const [opening, closing] = [convention.singleOpening[0], convention.singleClosing[0]];
  let open = -1;
  // Only the characters that are one of the two glyphs can open or close, and they are found natively.
  for (const m of text.matchAll(curlySingles)) {
    const i = m.index ?? 0;
    const c = m[0];
    const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
    const after = text[i + 1] ?? ' ';
    if (c === opening && open < 0 && /[\s([—–-]/.test(before) && /\S/.test(after)) {
      open = i;
    } else if (c === closing && open >= 0 && /\S/.test(before) && /[\s.,;:!?)\]—–-]/.test(after)) {
      // "the players’ union": a plural possessive is followed by a lower-case word, not by a clause end.
      if (before === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4))) continue;
      const s = open + 1;
      if (i - s >= 2)
        spans.push({
          paragraph,
          open: base + open,
          textStart: base + s,
          textEnd: base + i,
          closeEnd: base + i + 1,
          unclosed: false,
        });
      open = -1;
    }
  }
  return spans;
}

function findDoubleQuoteSpans(text: string, base: number, paragraph: number, marksOf: CompiledMarks): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openMark: Mark | null = null;
  const emit = (from: Mark, endAt: number, closeEnd: number, unclosed: boolean) => {
    let s = from.at + from.length;
    let e = endAt;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) {
      spans.push({
        paragraph,
        open: base + from.at,
        textStart: base + s,
        textEnd: base + e,
        closeEnd: base + closeEnd,
        unclosed,
      });
    }
  };
  for (const mark of findMarks(text, marksOf)) {
    if (!openMark) {
      if (mark.role !== 'close') openMark = mark;
      continue;
    }
    if (mark.role === 'open') {
      // Two openings in a row: the first quotation lost its closing mark.
      emit(openMark, mark.at, mark.at, true);
      openMark = mark;
      continue;
    }
    emit(openMark, mark.at, mark.at + mark.length, false);
    openMark = null;
  }
  if (openMark) emit(openMark, text.length, text.length, true);
  return spans;
}

/** Does the paragraph start with an opening quote mark (a continued quotation)? */
export function opensWithQuote(text: string, convention: QuoteMarkConvention): boolean {
  return compile(convention).opensParagraph.test(text);
}
