// Quotations without an attribution of their own take the speaker of a
// neighbouring quotation: the one before in the paragraph (or after it), or,
// for a paragraph that opens with a quote mark, the last quotation of the
// paragraph before, which it continues.

import type { ArticleIndex } from '../text/article-index.ts';
import type { FoundQuote } from './found.ts';
import { firstTokenAtOrAfter } from './locate.ts';
import type { ResolvedSpeaker, SpeakerResolver } from './resolve-speaker.ts';
import { firstSubject } from './speaker-phrase.ts';

export function inheritSpeakers(
  index: ArticleIndex,
  found: FoundQuote[],
  resolver: SpeakerResolver,
  only?: FoundQuote,
): void {
  const { doc } = index;
  const inParagraph = quotesByParagraph(found);
  const targets = only ? [only] : found;
  for (const q of targets) {
    if (q.resolved) continue;
    const p = q.span.paragraph;
    const siblings = inParagraph.get(p) ?? [];
    const at = positionInParagraph(found).get(q) ?? 0;
    const previousInParagraph = lastWhere(siblings, at, (o) => !!o.resolved);
    const nextInParagraph = siblings
      .slice(at + 1, at + 1 + INHERIT_REACH)
      .find((o) => o.resolved && o.pattern !== 'inherited');
    const opensParagraph = at === 0 && doc.opensWithQuote[p] === true;
    const before = inParagraph.get(p - 1);
    const previousParagraphQuote = opensParagraph && before ? before[before.length - 1] : undefined;
    // "Betsy shook her head. "…"": the person the sentence just before is about speaks next.
    const narrator = narratorBefore(index, q, resolver);
    if (narrator) {
      q.resolved = narrator;
      q.pattern = 'inherited';
      continue;
    }
    const source =
      previousInParagraph ?? nextInParagraph ?? (previousParagraphQuote?.resolved ? previousParagraphQuote : undefined);
    if (!source?.resolved) continue;
    q.resolved = { ...source.resolved, certainty: source.resolved.certainty * 0.85 };
    q.pattern = 'inherited';
    q.cue = source.cue;
    resolver.noteSpeaker(q.resolved.entity, q.span.open);
  }
}

/**
 * A quotation that opens its sentence, right after a sentence of narration
 * in the same paragraph (no quotation in it) whose subject is a person: that
 * person, as a reader takes it ("Quintanilla mentioned that … "Does that not
 * speak to your vetting?"").
 */
function narratorBefore(index: ArticleIndex, q: FoundQuote, resolver: SpeakerResolver): ResolvedSpeaker | null {
  const { tokens, sentences } = index.doc;
  const open = firstTokenAtOrAfter(tokens, q.span.open);
  const own = sentences[tokens[open]?.sentence ?? -1];
  if (!own || own.firstToken !== open) return null;
  const previous = sentences[(tokens[open]?.sentence ?? 0) - 1];
  if (!previous || previous.paragraph !== own.paragraph) return null;
  for (let k = previous.firstToken; k < previous.endToken; k++)
    if ((tokens[k]?.quote ?? -1) >= 0 || /["“”]/.test(tokens[k]?.text ?? '')) return null;
  const phrase = firstSubject(index, previous.firstToken, previous.endToken);
  if (!phrase || (phrase.kind !== 'name' && phrase.kind !== 'pronoun')) return null;
  const resolved = resolver.resolve(phrase);
  return resolved.entity?.type === 'person' ? { ...resolved, certainty: resolved.certainty * 0.7 } : null;
}

/** A quotation inherits from neighbours at most this many quotations away. */
const INHERIT_REACH = 8;
const groupings = new WeakMap<FoundQuote[], Map<number, FoundQuote[]>>();
const positions = new WeakMap<FoundQuote[], Map<FoundQuote, number>>();

function positionInParagraph(found: FoundQuote[]): Map<FoundQuote, number> {
  const cached = positions.get(found);
  if (cached) return cached;
  const at = new Map<FoundQuote, number>();
  for (const list of quotesByParagraph(found).values())
    list.forEach((q, i) => {
      at.set(q, i);
    });
  positions.set(found, at);
  return at;
}

/** Quotations grouped by paragraph, computed once per list (inheritance asks for it per quotation). */
function quotesByParagraph(found: FoundQuote[]): Map<number, FoundQuote[]> {
  const cached = groupings.get(found);
  if (cached) return cached;
  const byParagraph = new Map<number, FoundQuote[]>();
  for (const q of found) {
    const list = byParagraph.get(q.span.paragraph) ?? [];
    list.push(q);
    byParagraph.set(q.span.paragraph, list);
  }
  groupings.set(found, byParagraph);
  return byParagraph;
}

function lastWhere<T>(items: T[], before: number, test: (item: T) => boolean): T | undefined {
  for (let i = before - 1; i >= 0 && before - i <= INHERIT_REACH; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return item;
  }
  return undefined;
}
