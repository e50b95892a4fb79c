// Reported speech without quote marks. Only clear shapes are taken:
//   X said (that) CLAUSE.            X told reporters (that) CLAUSE.
//   CLAUSE, X said.  /  CLAUSE, said X, the …
//   According to X, CLAUSE.  /  CLAUSE, according to X.
//   In particular, he said, CLAUSE.
// The clause must look like a clause (a verb, a few words) and hold no quote
// marks: quotations are the direct stage's business.

import { afterDateline, type ArticleIndex } from '../text/article-index.ts';
import type { Sentence } from '../text/document.ts';
import type { Token } from '../text/tokens.ts';
import type { FoundQuote, ReportedSpeech } from './found.ts';
import { CUE_PATTERNS, SENTENCE_PATTERNS } from './patterns/index.ts';
import type { ReportedCandidate } from './patterns/unit.ts';

export type { ReportedSpeech } from './found.ts';

type Candidate = ReportedCandidate & { via: string };

export function findReportedSpeech(index: ArticleIndex, quoted: FoundQuote[]): ReportedSpeech[] {
  const { doc } = index;
  const out: ReportedSpeech[] = [];
  const quotedSentences = new Set(quoted.map((q) => q.sentence));
  doc.sentences.forEach((sentence, si) => {
    if (doc.isHeading[sentence.paragraph]) return;
    const candidates = sentenceCandidates(index, sentence, quotedSentences.has(si));
    // Candidates lie within their sentence, so only this sentence's reports can overlap them.
    const sentenceStart = out.length;
    for (const c of candidates) {
      const first = doc.tokens[c.first];
      const last = doc.tokens[c.end - 1];
      if (!first || !last) continue;
      if (out.slice(sentenceStart).some((o) => o.start < last.end && first.start < o.end)) continue;
      out.push({ start: first.start, end: last.end, cue: c.cue, phrase: c.phrase, via: c.via, resolved: null });
    }
  });
  return out;
}

function sentenceCandidates(index: ArticleIndex, whole: Sentence, hasQuote: boolean): Candidate[] {
  // "PORT CALDER — The university said …": the dateline is not part of what anyone said.
  const s: Sentence = { ...whole, firstToken: afterDateline(index.doc, whole.firstToken, whole.endToken) };
  const found: Candidate[] = [];
  for (const pattern of SENTENCE_PATTERNS) {
    const c = pattern.find(index, s);
    if (c) found.push({ ...c, via: pattern.name });
  }
  const { tokens, language } = index.doc;
  for (let k = s.firstToken; k < s.endToken; k++) {
    const t = tokens[k];
    if (!t || t.quote >= 0) continue;
    // At each token the first pattern that finds a report wins; most tokens are no pattern's cue at all.
    for (const pattern of CUE_PATTERNS) {
      if (!pattern.firesAt(t, language)) continue;
      const c = pattern.find(index, s, k, hasQuote);
      if (!c) continue;
      found.push({ ...c, via: pattern.name });
      break;
    }
  }
  return hasQuote ? found.filter((c) => !containsQuoteMark(tokens, c)) : found;
}

function containsQuoteMark(tokens: Token[], c: Candidate): boolean {
  for (let i = c.first; i < c.end; i++) if (tokens[i] && /["“”«»]/.test(tokens[i]?.text ?? '')) return true;
  return false;
}
