// Reported speech without quote marks: "X said (that) …", "…, X said.",
// "According to X, …" and "…, according to X."

import type { ArticleIndex } from '../text/article-index.ts';
import type { FoundQuote } from './direct.ts';
import type { ResolvedSpeaker, SpeakerResolver } from './resolve-speaker.ts';

export interface ReportedSpeech {
  start: number;
  end: number;
  cue: string;
  resolved: ResolvedSpeaker;
}

export function findReportedSpeech(_index: ArticleIndex, _resolver: SpeakerResolver, _quoted: FoundQuote[]): ReportedSpeech[] {
  return [];
}
