// What the quote stages find, as plain data: no stage is imported here, so
// every stage (and every attribution pattern) can name these types.

import type { Entity } from '../entities/entity-types.ts';
import type { QuoteSpan } from '../text/quote-marks.ts';
import type { ResolvedSpeaker } from './resolve-speaker.ts';
import type { SpeakerPhrase } from './speaker-phrase.ts';

/** How later stages treat a quotation's attribution (kind, work titles, inheritance). */
export type AttributionPattern = 'trailing' | 'leading' | 'according' | 'embedded' | 'inherited' | 'adjacent' | 'none';

export interface FoundQuote {
  span: QuoteSpan;
  kind: 'direct' | 'partial';
  pattern: AttributionPattern;
  /** The registered attribution pattern that found the speaker, or null when none did. */
  via: string | null;
  cue: string | null;
  /** The words naming the speaker, when the quotation has its own attribution. */
  phrase: SpeakerPhrase | null;
  /** A speaker known without words to resolve: the interviewee of an "A:" turn, "VOSS:". */
  adjacentSpeaker?: { entity: Entity; label: string } | undefined;
  /** Filled in when speakers are resolved in reading order. */
  resolved: ResolvedSpeaker | null;
  /** Token range of the sentence that holds the quotation. */
  sentence: number;
}

export interface ReportedSpeech {
  start: number;
  end: number;
  cue: string;
  phrase: SpeakerPhrase;
  /** The registered attribution pattern that found it. */
  via: string;
  /** Filled in when speakers are resolved in reading order. */
  resolved: ResolvedSpeaker | null;
}

/** An attribution found for one quotation: the speaker's words, how later stages treat it, and the cue. */
export interface Explicit {
  phrase: SpeakerPhrase | null;
  pattern: AttributionPattern;
  cue: string | null;
  /** Set when the attribution is another registered pattern's shape, found from further away. */
  via?: string;
}
