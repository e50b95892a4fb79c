// Finding quoted stretches in a paragraph. Handles curly and straight double
// quotes, guillemets, and doubled apostrophes ('') used as quote marks. Single
// quotes are left alone: inside a quotation they are nested quotes, and outside
// one they are far more often apostrophes.

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

/** All quote marks in a paragraph, with the role their glyph and surroundings suggest. */
function findMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let length = 0;
    let glyph: MarkRole | null = null;
    if (c === '\u201C' || c === '\u201E' || c === '\u00AB') [glyph, length] = ['open', 1];
    else if (c === '\u201D' || c === '\u00BB') [glyph, length] = ['close', 1];
    else if (c === '"') [glyph, length] = ['either', 1];
    else if ((c === "'" || c === '\u2019' || c === '\u2018') && text[i + 1] === c) [glyph, length] = ['either', 2];
    if (!glyph) continue;
    marks.push({ at: i, length, role: correctedRole(text, i, length, glyph) });
    i += length - 1;
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
export function findQuoteSpans(text: string, base: number, paragraph: number): QuoteSpan[] {
  const doubleMarks = findDoubleQuoteSpans(text, base, paragraph);
  if (doubleMarks.length > 0 || /["\u201C\u201D\u201E\u00AB\u00BB]/.test(text)) return doubleMarks;
  return findSingleQuoteSpans(text, base, paragraph);
}

/**
 * Some house styles quote with single curly marks: ‘We will win,’ she said.
 * Read only in paragraphs without double marks, and only with the curly
 * glyphs, because the straight apostrophe is everywhere ("don't", "'90s").
 * An opening mark follows a space; a closing mark is followed by a space or
 * punctuation and is not an apostrophe inside a word ("it’s").
 */
function findSingleQuoteSpans(text: string, base: number, paragraph: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
    const after = text[i + 1] ?? ' ';
    if (c === '\u2018' && open < 0 && /[\s(\[—–-]/.test(before) && /\S/.test(after)) {
      open = i;
    } else if (c === '\u2019' && open >= 0 && /\S/.test(before) && /[\s.,;:!?)\]—–-]/.test(after)) {
      // "the players’ union": a plural possessive is followed by a lower-case word, not by a clause end.
      if (before === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4))) continue;
      const s = open + 1;
      if (i - s >= 2) spans.push({ paragraph, open: base + open, textStart: base + s, textEnd: base + i, closeEnd: base + i + 1, unclosed: false });
      open = -1;
    }
  }
  return spans;
}

function findDoubleQuoteSpans(text: string, base: number, paragraph: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openMark: Mark | null = null;
  const emit = (from: Mark, endAt: number, closeEnd: number, unclosed: boolean) => {
    let s = from.at + from.length;
    let e = endAt;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) {
      spans.push({ paragraph, open: base + from.at, textStart: base + s, textEnd: base + e, closeEnd: base + closeEnd, unclosed });
    }
  };
  for (const mark of findMarks(text)) {
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
export function opensWithQuote(text: string): boolean {
  return /^\s*(["\u201C\u201E\u00AB\u2018]|''|\u2019\u2019)/.test(text);
}
