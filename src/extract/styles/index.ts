// The registry of house styles the extractor reads. Adding one is adding its
// file (with examples, which one test runs for every style) and a line here.

import { agencyDateline } from './agency-dateline.ts';
import { shoutedDateline } from './shouted-dateline.ts';
import { singleMarks } from './single-marks.ts';
import type { DatelineStyle, HouseStyle, QuoteMarkStyle } from './unit.ts';

/** Tried in order; the first an article uses is read, and without one the language's double marks are. */
export const QUOTE_MARK_STYLES: readonly QuoteMarkStyle[] = [singleMarks];

export const DATELINE_STYLES: readonly DatelineStyle[] = [shoutedDateline, agencyDateline];

export const HOUSE_STYLES: readonly HouseStyle[] = [...QUOTE_MARK_STYLES, ...DATELINE_STYLES];

/** Does the line open with a dateline in one of the registered styles? */
export function startsWithDateline(line: string): boolean {
  return DATELINE_STYLES.some((style) => style.opening.test(line));
}
