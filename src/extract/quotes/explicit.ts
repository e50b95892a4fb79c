// An attribution found for one quotation: the speaker's words, the pattern
// that found them, and the cue, shared by the attribution patterns.

import type { NameMention } from '../entities/mention-types.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import type { AttributionPattern } from './direct.ts';
import type { SpeakerPhrase } from './speaker-phrase.ts';

export interface Explicit {
  phrase: SpeakerPhrase | null;
  pattern: AttributionPattern;
  cue: string | null;
}

/** The cue as the contract reports it: "said", "according to". */
export function cueText(tokens: Token[], k: number): string | null {
  const t = tokens[k];
  if (!t) return null;
  if (t.lower === 'according') return 'according to';
  return t.lower;
}

/** A name alone as the speaker phrase. */
export function nameOnly(index: ArticleIndex, m: NameMention): SpeakerPhrase {
  return {
    kind: 'name',
    firstToken: m.firstToken,
    endToken: m.endToken,
    mention: m,
    head: (m.nameTokens[m.nameTokens.length - 1] ?? '').toLowerCase(),
    innerOrganization: null,
    definite: true,
  };
}
