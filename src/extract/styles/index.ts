// The registry of house styles the extractor reads. Adding one is adding its
// file (with examples, which one test runs for every style) and a line here.

import { agencyDateline } from './agency-dateline.ts';
import { shoutedDateline } from './shouted-dateline.ts';
import { singleMarks } from './single-marks.ts';
import type { Token } from '../text/tokens.ts';
import type { DatelineStyle, HouseStyle, QuoteMarkStyle } from './unit.ts';

/** Tried in order; the first an article uses is read, and without one the language's double marks are. */
export const QUOTE_MARK_STYLES: readonly QuoteMarkStyle[] = [singleMarks];

export const DATELINE_STYLES: readonly DatelineStyle[] = [shoutedDateline, agencyDateline];

export const HOUSE_STYLES: readonly HouseStyle[] = [...QUOTE_MARK_STYLES, ...DATELINE_STYLES];

/** Does the line open with a dateline in one of the registered styles? */
export function startsWithDateline(line: string): boolean {
  return DATELINE_STYLES.some((style) => style.opening.test(line));
}

/** How many characters of the line a registered dateline takes, or 0 when it opens without one. */
export function datelineLength(line: string): number {
  for (const style of DATELINE_STYLES) {
    const m = style.opening.exec(line);
    if (m) return m[0].length;
  }
  return 0;
}

/** The longest dateline any registered style allows, in characters, with room for the space after it. */
const LONGEST_DATELINE = 120;

/** A token one of which stands in every registered dateline: a paragraph opening without one needs no pattern tried. */
const DATELINE_MARKS: ReadonlySet<string> = new Set(DATELINE_STYLES.flatMap((style) => style.marks));

/**
 * The first token after the dateline that opens a paragraph at token `from`
 * ("CALDER BAY, Maine (AP) —", "Pune, Mar 4 (PTI)"), or `from` when the
 * paragraph does not start there or opens without one. The paragraph's opening
 * is rebuilt from its tokens, each at its own offset, so the styles' patterns
 * read the same characters they read on a line of text.
 */
export function datelineEnd(tokens: readonly Token[], from: number): number {
  const first = tokens[from];
  if (!first?.cap || tokens[from - 1]?.paragraph === first.paragraph) return from;
  let k = from;
  let marked = false;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || t.paragraph !== first.paragraph || t.start - first.start > LONGEST_DATELINE) break;
    if (DATELINE_MARKS.has(t.text)) marked = true;
  }
  if (!marked) return from;
  let opening = '';
  for (let j = from; j < k; j++) {
    const t = tokens[j] as Token;
    opening += ' '.repeat(t.start - first.start - opening.length) + t.text;
  }
  const length = datelineLength(opening);
  if (length === 0) return from;
  let end = from;
  while (end < k && (tokens[end]?.end ?? 0) - first.start <= length) end++;
  return end;
}
