// What the patterns that find a speaker beside the words (not through a
// speech verb) share: a named person standing at a token.

import type { Entity } from '../../entities/entity-types.ts';
import type { ResolvedEntities } from '../../entities/resolve.ts';
import type { ArticleIndex } from '../../text/article-index.ts';
import { nameOnly } from '../explicit.ts';
import type { AdjacentSpeaker } from './unit.ts';

export function speakerAt(index: ArticleIndex, entities: ResolvedEntities, k: number): AdjacentSpeaker | null {
  const m = index.mentionStartingAt.get(k);
  if (!m || m.inQuote) return null;
  const entity: Entity | undefined = entities.entityOf.get(m);
  if (!entity) return null;
  return { phrase: nameOnly(index, m), adjacentSpeaker: undefined };
}

export function firstWordToken(index: ArticleIndex, from: number, end: number): number {
  let k = from;
  while (k < end && !index.doc.tokens[k]?.isWord) k++;
  return k;
}
