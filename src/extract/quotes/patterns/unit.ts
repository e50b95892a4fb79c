// An attribution pattern as one small unit: its name, what it matches, how it
// picks the speaker, how far its finds are trusted, and sentences that show it
// at work. The registry (index.ts) lists the units in the order they are tried.

import type { ResolvedEntities } from '../../entities/resolve.ts';
import type { LanguagePack } from '../../language/pack.ts';
import type { ArticleIndex } from '../../text/article-index.ts';
import type { Sentence } from '../../text/document.ts';
import type { QuoteSpan } from '../../text/quote-marks.ts';
import type { Token } from '../../text/tokens.ts';
import type { Explicit, FoundQuote } from '../found.ts';
import type { QuoteWindow } from '../quote-kind.ts';
import type { SpeakerPhrase } from '../speaker-phrase.ts';

/** A sentence or short article, and the quotation and speaker the pattern must find in it. */
export interface PatternExample {
  text: string;
  quote: string;
  speaker: string;
}

interface PatternUnit {
  name: string;
  /** The shape of text it matches, in words. */
  matches: string;
  /** How it picks the speaker. */
  speaker: string;
  /** How far its attribution is trusted before the speaker is resolved, 0..1. */
  confidence: number;
  examples: readonly PatternExample[];
}

/** Attributes one quotation in quote marks, or passes (null) to the next pattern. */
export interface QuotationPattern extends PatternUnit {
  reads: 'quotation';
  attribute(index: ArticleIndex, w: QuoteWindow): Explicit | null;
}

/** Reported speech found in a sentence, without quote marks. */
export interface ReportedCandidate {
  first: number;
  end: number;
  cue: string;
  phrase: SpeakerPhrase;
}

/** Finds reported speech once per sentence ("According to X, …"). */
export interface SentencePattern extends PatternUnit {
  reads: 'sentence';
  find(index: ArticleIndex, s: Sentence): ReportedCandidate | null;
}

/** Finds reported speech around one token of a sentence (a speech verb, "according to"). */
export interface CuePattern extends PatternUnit {
  reads: 'cue';
  /**
   * The token alone could be where this pattern finds a report: a cheap test (a word lookup), true wherever `find`
   * can find one, so that `find` is tried only at the few tokens where it holds.
   */
  firesAt(t: Token, lang: LanguagePack): boolean;
  find(index: ArticleIndex, s: Sentence, k: number, hasQuote: boolean): ReportedCandidate | null;
}

/** The speaker, either as words to resolve or as an entity already known (a transcript label). */
export type AdjacentSpeaker = Pick<FoundQuote, 'phrase' | 'adjacentSpeaker'>;

/** Speech that fills a paragraph from `from` to its end, with the speaker standing beside it. */
export interface SpeechBeside {
  paragraph: number;
  from: number;
  speaker: AdjacentSpeaker;
  /** A heading paragraph is not speech. */
  skipHeading: boolean;
}

/** Paragraphs that are speech because of what stands beside them (turn labels, dash lines). */
export interface ParagraphPattern extends PatternUnit {
  reads: 'paragraph';
  find(index: ArticleIndex, entities: ResolvedEntities): SpeechBeside[];
}

/** A speaker for a quotation that no speech verb attributes. */
export interface UnattributedPattern extends PatternUnit {
  reads: 'unattributed';
  attribute(
    index: ArticleIndex,
    entities: ResolvedEntities,
    q: FoundQuote,
    quotesIn: (paragraph: number) => readonly FoundQuote[],
  ): AdjacentSpeaker | null;
}

export type AttributionUnit = QuotationPattern | SentencePattern | CuePattern | ParagraphPattern | UnattributedPattern;

export type { QuoteSpan };
