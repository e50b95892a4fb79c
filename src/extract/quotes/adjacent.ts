// Attribution without a speech verb: the speaker stands next to the words.
// The registered paragraph patterns (transcript turns, dash lines) say which
// paragraphs are speech and whose; the unattributed patterns ("…" — Name, an
// introduction before a quoted paragraph) give a quotation no verb attributes
// its speaker. None of these says that anyone spoke, so they are trusted less
// than a "said". Returns a new list of quotations; the ones it found speakers
// for are copies.

import type { ResolvedEntities } from '../entities/resolve.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { QuoteSpan } from '../text/quote-marks.ts';
import type { FoundQuote } from './found.ts';
import { firstTokenAtOrAfter } from './locate.ts';
import { PARAGRAPH_PATTERNS, UNATTRIBUTED_PATTERNS } from './patterns/index.ts';
import type { AdjacentSpeaker } from './patterns/unit.ts';

const NO_QUOTES: readonly FoundQuote[] = [];

export function findSpeechWithoutVerb(
  index: ArticleIndex,
  entities: ResolvedEntities,
  quoted: readonly FoundQuote[],
): FoundQuote[] {
  const replaced = new Map<FoundQuote, FoundQuote>();
  const added: FoundQuote[] = [];
  const byParagraph = new Map<number, FoundQuote[]>();
  for (const q of quoted) {
    const list = byParagraph.get(q.span.paragraph);
    if (list) list.push(q);
    else byParagraph.set(q.span.paragraph, [q]);
  }
  const quotesIn = (paragraph: number) => byParagraph.get(paragraph) ?? NO_QUOTES;
  const attribute = (q: FoundQuote | null, span: QuoteSpan | null, speaker: AdjacentSpeaker, via: string) => {
    if (q) {
      if (!q.phrase && !replaced.has(q)) replaced.set(q, { ...q, ...speaker, pattern: 'adjacent', via, cue: null });
    } else if (span) {
      added.push({
        span,
        kind: 'direct',
        pattern: 'adjacent',
        via,
        cue: null,
        resolved: null,
        sentence: sentenceOf(index, span),
        ...speaker,
      });
    }
  };
  for (const pattern of PARAGRAPH_PATTERNS) {
    for (const beside of pattern.find(index, entities)) {
      const own = quotesIn(beside.paragraph);
      const only = own[0];
      if (own.length === 0) {
        if (!(beside.skipHeading && index.doc.isHeading[beside.paragraph]))
          attribute(null, unquotedSpan(index, beside.paragraph, beside.from), beside.speaker, pattern.name);
      } else if (own.length === 1 && only && only.span.open === beside.from) {
        attribute(only, null, beside.speaker, pattern.name);
      }
    }
  }
  for (const q of quoted) {
    if (q.phrase || replaced.has(q)) continue;
    for (const pattern of UNATTRIBUTED_PATTERNS) {
      const speaker = pattern.attribute(index, entities, q, quotesIn);
      if (!speaker) continue;
      attribute(q, null, speaker, pattern.name);
      break;
    }
  }
  if (replaced.size === 0 && added.length === 0) return [...quoted];
  return [...quoted.map((q) => replaced.get(q) ?? q), ...added].sort((a, b) => a.span.open - b.span.open);
}

/** The words of a paragraph from `from` to its end, as a quotation without marks. */
function unquotedSpan(index: ArticleIndex, paragraph: number, from: number): QuoteSpan | null {
  const p = index.doc.paragraphs[paragraph];
  if (!p) return null;
  const text = index.doc.body.slice(from, p.end);
  const textStart = from + (text.length - text.trimStart().length);
  const textEnd = from + text.trimEnd().length;
  if (textEnd <= textStart) return null;
  return { paragraph, open: textStart, textStart, textEnd, closeEnd: textEnd, unclosed: false };
}

function sentenceOf(index: ArticleIndex, span: QuoteSpan): number {
  const { tokens } = index.doc;
  return tokens[firstTokenAtOrAfter(tokens, span.textStart)]?.sentence ?? -1;
}
