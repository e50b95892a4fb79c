import type { ResolvedEntities } from '../../entities/resolve.ts';
import type { ArticleIndex } from '../../text/article-index.ts';
import type { FoundQuote } from '../found.ts';
import { firstTokenAtOrAfter } from '../locate.ts';
import { speakerAt } from './beside.ts';
import type { AdjacentSpeaker, UnattributedPattern } from './unit.ts';

export const dashAfterQuotation: UnattributedPattern = {
  name: 'dash-after-quotation',
  reads: 'unattributed',
  matches: '"…" — Name (a quotation followed by a dash and a name, and nothing else but a description)',
  speaker: 'the person named after the dash',
  confidence: 0.7,
  examples: [
    {
      text: 'Fuel duty\n\nThe chancellor, Daniel Ashworth, spoke on Tuesday.\n\n“Nobody will pay more at the pump.” — Daniel Ashworth',
      quote: 'Nobody will pay more at the pump.',
      speaker: 'Daniel Ashworth',
    },
  ],
  attribute: (index, entities, q) => dashAfter(index, entities, q),
};

/** “Nobody will pay more at the pump.” — Daniel Ashworth */
function dashAfter(index: ArticleIndex, entities: ResolvedEntities, q: FoundQuote): AdjacentSpeaker | null {
  const { tokens, paragraphs } = index.doc;
  const paragraph = paragraphs[q.span.paragraph];
  if (!paragraph) return null;
  let k = firstTokenAtOrAfter(tokens, q.span.closeEnd);
  if (!['—', '–', '―', '-'].includes(tokens[k]?.text ?? '')) return null;
  while (['—', '–', '―', '-'].includes(tokens[k]?.text ?? '')) k++;
  const speaker = speakerAt(index, entities, k);
  if (!speaker?.phrase) return null;
  // Nothing but the name, or the name and a description after a comma, to the paragraph's end.
  const after = tokens[speaker.phrase.endToken];
  return !after || after.paragraph !== q.span.paragraph || after.text === ',' ? speaker : null;
}
