// Helpers the attribution patterns share: the cue as reported, a name as the speaker phrase.

import type { NameMention } from '../entities/mention-types.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import type { SpeakerPhrase } from './speaker-phrase.ts';

export type { Explicit } from './found.ts';

/** The cue as the contract reports it: "said", "according to". */
export function cueText(tokens: Token[], k: number): string | null {
  const t = tokens[k];
  if (!t) return null;
  if (t.lower === 'according') return 'according to';
  return t.lower;
}

/** A name alone as the speaker phrase. */
export function nameOnly(_index: ArticleIndex, m: NameMention): SpeakerPhrase {
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
