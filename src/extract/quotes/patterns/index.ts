// The registry of attribution patterns, in the order they are tried. Adding a
// pattern is adding its file (with its examples) and one line here; the
// examples are run for every registered pattern by one test.

import { accordingBefore } from './according-before.ts';
import { accordingClosingReport } from './according-closing.ts';
import { accordingOpeningReport } from './according-opening.ts';
import { clauseThenCueReport } from './clause-then-cue.ts';
import { cueThenClauseReport } from './cue-then-clause.ts';
import { colonIntroduction } from './colon-introduction.ts';
import { colonParagraph } from './colon-paragraph.ts';
import { dashAfterQuotation } from './dash-after-quotation.ts';
import { dashLine } from './dash-line.ts';
import { introducedBefore } from './introduced-before.ts';
import { embedded } from './embedded.ts';
import { leading } from './leading.ts';
import { possessiveSource } from './possessive-source.ts';
import { previousSentence } from './previous-sentence.ts';
import { trailing } from './trailing.ts';
import { transcriptTurn } from './transcript-turn.ts';
import type {
  AttributionUnit,
  CuePattern,
  ParagraphPattern,
  QuotationPattern,
  SentencePattern,
  UnattributedPattern,
} from './unit.ts';

/** Quotations in quote marks: the first pattern that names a speaker wins. */
export const QUOTATION_PATTERNS: readonly QuotationPattern[] = [
  trailing,
  leading,
  accordingBefore,
  possessiveSource,
  colonIntroduction,
  embedded,
  previousSentence,
  colonParagraph,
];

/** Reported speech, once per sentence. */
export const SENTENCE_PATTERNS: readonly SentencePattern[] = [accordingOpeningReport];

/** Reported speech around each token of a sentence: the first pattern that finds a report there wins. */
export const CUE_PATTERNS: readonly CuePattern[] = [accordingClosingReport, cueThenClauseReport, clauseThenCueReport];

/** Paragraphs that are speech by what stands beside them; turns come first. */
export const PARAGRAPH_PATTERNS: readonly ParagraphPattern[] = [transcriptTurn, dashLine];

/** A speaker for a quotation no speech verb attributes: the first pattern that finds one wins. */
export const UNATTRIBUTED_PATTERNS: readonly UnattributedPattern[] = [dashAfterQuotation, introducedBefore];

export const ATTRIBUTION_PATTERNS: readonly AttributionUnit[] = [
  ...QUOTATION_PATTERNS,
  ...SENTENCE_PATTERNS,
  ...CUE_PATTERNS,
  ...PARAGRAPH_PATTERNS,
  ...UNATTRIBUTED_PATTERNS,
];

const BY_NAME = new Map(ATTRIBUTION_PATTERNS.map((p) => [p.name, p]));

/** How far a registered pattern's attributions are trusted. */
export function patternConfidence(name: string): number | undefined {
  return BY_NAME.get(name)?.confidence;
}
