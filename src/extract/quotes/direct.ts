// Quotations in quote marks and who said them. Each quotation is offered to
// the registered attribution patterns (patterns/index.ts) in order; the first
// that names a speaker wins. Quotations none attributes are left for the
// adjacent and inherited stages.

import type { QuoteSpan } from '../text/quote-marks.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import { insideReport } from './embedded.ts';
import type { Explicit, FoundQuote } from './found.ts';
import { firstTokenAtOrAfter } from './locate.ts';
import { QUOTATION_PATTERNS } from './patterns/index.ts';
import { givesAName, looksLikeWorkTitle, quoteKind, type QuoteWindow } from './quote-kind.ts';

export type { AttributionPattern, FoundQuote } from './found.ts';

const UNATTRIBUTED: Explicit = { phrase: null, pattern: 'none', cue: null };

export function findQuotedSpeech(index: ArticleIndex): FoundQuote[] {
  const lang = index.doc.language;
  const { doc } = index;
  const found: FoundQuote[] = [];
  const windows = doc.quotes.map((span, i) => quoteWindow(index, span, i));
  doc.quotes.forEach((span, i) => {
    const w = windows[i];
    if (!w) return;
    const { explicit, via } = attributeQuotation(index, w);
    found.push({
      span,
      kind: quoteKind(doc.tokens, w, explicit.pattern, doc.body.slice(span.textStart, span.textEnd), lang),
      pattern: explicit.phrase ? explicit.pattern : 'none',
      via,
      cue: explicit.cue,
      phrase: explicit.phrase,
      resolved: null,
      sentence: w.sentence,
    });
  });
  return found.filter(
    (q) =>
      !(
        looksLikeWorkTitle(doc.body.slice(q.span.textStart, q.span.textEnd)) &&
        !givesAName(q) &&
        !insideReport(index, q)
      ),
  );
}

function quoteWindow(index: ArticleIndex, span: QuoteSpan, i: number): QuoteWindow | null {
  const { tokens, sentences, quotes } = index.doc;
  const open = firstTokenAtOrAfter(tokens, span.open);
  const inner = firstTokenAtOrAfter(tokens, span.textStart);
  const close = firstTokenAtOrAfter(tokens, span.closeEnd);
  const sentence = tokens[inner]?.sentence ?? tokens[open]?.sentence ?? -1;
  const s = sentences[sentence];
  if (!s) return null;
  let floor = s.firstToken;
  let limit = s.endToken;
  const prev = quotes[i - 1];
  if (prev && prev.paragraph === span.paragraph) {
    const prevClose = firstTokenAtOrAfter(tokens, prev.closeEnd);
    if (prevClose > floor && prevClose <= open) floor = prevClose;
  }
  const next = quotes[i + 1];
  if (next && next.paragraph === span.paragraph) {
    const nextOpen = firstTokenAtOrAfter(tokens, next.open);
    if (nextOpen < limit && nextOpen >= close) limit = nextOpen;
  }
  return { quote: i, open, inner, close, floor, limit, sentenceFirst: s.firstToken, sentence };
}

function attributeQuotation(index: ArticleIndex, w: QuoteWindow): { explicit: Explicit; via: string | null } {
  for (const pattern of QUOTATION_PATTERNS) {
    const explicit = pattern.attribute(index, w);
    if (explicit) return { explicit, via: explicit.via ?? pattern.name };
  }
  return { explicit: UNATTRIBUTED, via: null };
}
