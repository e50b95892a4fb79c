// What stands just before a quotation, read once and shared by the patterns
// that attribute from there: a speech verb, "according to", or neither.

import { isCueAt, type ArticleIndex } from '../../text/article-index.ts';
import type { QuoteWindow } from '../quote-kind.ts';

const LEADING_CUE_WINDOW = 14;

export type LeadingScan =
  /** A speech verb at token `at`, nearer the quotation than any "according to". */
  | { found: 'cue'; at: number }
  /** "according to" at token `at`. */
  | { found: 'according'; at: number }
  /** Neither, within reach; `before` is the token just before the opening mark. */
  | { found: 'nothing'; before: number };

const scans = new WeakMap<QuoteWindow, LeadingScan | null>();

/** Null when nothing before the quotation can introduce it (no punctuation and no speech verb right there). */
export function leadingScan(index: ArticleIndex, w: QuoteWindow): LeadingScan | null {
  if (scans.has(w)) return scans.get(w) ?? null;
  const scan = scanBefore(index, w);
  scans.set(w, scan);
  return scan;
}

function scanBefore(index: ArticleIndex, w: QuoteWindow): LeadingScan | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const b = w.open - 1;
  if (b < w.floor) return null;
  const punctuated = [',', ':', '—', '–'].includes(tokens[b]?.text ?? '');
  const last = punctuated ? b - 1 : b;
  if (!punctuated && !isCueAt(tokens, last, lang)) return null;
  for (let c = last; c >= w.floor && last - c <= LEADING_CUE_WINDOW; c--) {
    const t = tokens[c];
    if (!t || t.quote >= 0) break;
    if (t.lower === 'according' && tokens[c + 1]?.lower === 'to') return { found: 'according', at: c };
    if (isCueAt(tokens, c, lang)) return { found: 'cue', at: c };
  }
  return { found: 'nothing', before: b };
}
