// How English-language houses mark quotations: which glyphs open and close,
// and which single marks are apostrophes more often than quote marks.

import type { QuoteMarkConvention } from '../pack.ts';

export const ENGLISH_QUOTE_MARKS: QuoteMarkConvention = {
  opening: ['\u201C', '\u201E', '\u00AB'],
  closing: ['\u201D', '\u00BB'],
  either: ['"'],
  // Two of these in a row stand for a double mark: ''word'' or ’’word’’.
  doubledSingles: ["'", '\u2019', '\u2018'],
  singleOpening: ['\u2018', "'"],
  singleClosing: ['\u2019', "'"],
  // Words that begin with an elision mark: the mark before them is an apostrophe ('90s, 'em, rock 'n' roll).
  elidedWordStart: /^(?:\d|em\b|n\b|tis\b|twas\b|til\b|cause\b|round\b|bout\b|cos\b|ere\b|s\b)/i,
};
