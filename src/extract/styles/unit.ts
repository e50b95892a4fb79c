// A house style as one small unit: how an outlet marks quotations or opens a
// story, with the article snippets that show it. The registry (index.ts) lists
// them; adding a house style is adding its file and one line there.

import type { QuoteMarkConvention } from '../language/pack.ts';
import type { QuoteSpan } from '../text/quote-marks.ts';

/** A snippet in the style, and a quotation and speaker the extractor must find in it. */
export interface HouseStyleExample {
  text: string;
  quote: string;
  speaker: string;
}

interface HouseStyleUnit {
  name: string;
  /** What the style looks like, in words. */
  describes: string;
  examples: readonly HouseStyleExample[];
}

/** Quotations marked otherwise than with the language's double marks, for a whole article. */
export interface QuoteMarkStyle extends HouseStyleUnit {
  kind: 'quote-marks';
  /** Does this article quote in the style? Decided once, over all its paragraphs. */
  usedBy(paragraphs: readonly string[], convention: QuoteMarkConvention): boolean;
  /** Quoted stretches of one paragraph in the style; none leaves the paragraph to the double marks. */
  spans(text: string, base: number, paragraph: number, convention: QuoteMarkConvention): QuoteSpan[];
  /** Does the paragraph open with a mark that goes on with a quotation? */
  opensWithQuote(text: string, convention: QuoteMarkConvention): boolean;
}

/** The line that opens a story: a place, perhaps a date and an agency, before the first sentence. */
export interface DatelineStyle extends HouseStyleUnit {
  kind: 'dateline';
  opening: RegExp;
  /** The place, captured as group 1, when the style names it in capitals ("CALDER BAY, Maine (AP) —"). */
  place?: RegExp;
  /** Tokens one of which every dateline in the style holds ("—", "("): a cheap test before `opening` is tried on tokens. */
  marks: readonly string[];
}

export type HouseStyle = QuoteMarkStyle | DatelineStyle;
