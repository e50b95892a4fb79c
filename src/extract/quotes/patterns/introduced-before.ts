import type { ArticleIndex } from '../../text/article-index.ts';
import type { FoundQuote } from '../found.ts';
import { firstSubject } from '../speaker-phrase.ts';
import type { AdjacentSpeaker, UnattributedPattern } from './unit.ts';

const MAX_INTRODUCTION_SENTENCES = 2;

export const introducedBefore: UnattributedPattern = {
  name: 'introduced-before',
  reads: 'unattributed',
  matches: 'a short paragraph about a person, then a paragraph that is one quotation',
  speaker: "the subject of the introducing paragraph's last sentence, when it names a person",
  confidence: 0.7,
  examples: [
    {
      text: 'High water\n\nFlood warden Ines Okafor has lived on Mill Street for forty years.\n\n“The water came up through the floor before anyone had time to move the car.”',
      quote: 'The water came up through the floor before anyone had time to move the car.',
      speaker: 'Ines Okafor',
    },
  ],
  attribute: (index, _entities, q, quotesIn) => introduced(index, q, quotesIn),
};

/**
 * A paragraph that is one quotation, right after a paragraph with no quotation
 * whose subject is a person: “Flood warden Ines Okafor has lived here for
 * forty years.” then “The water came up through the floor.”
 */
function introduced(
  index: ArticleIndex,
  q: FoundQuote,
  quotesIn: (paragraph: number) => readonly FoundQuote[],
): AdjacentSpeaker | null {
  const { doc } = index;
  const p = q.span.paragraph;
  const paragraph = doc.paragraphs[p];
  const previous = doc.paragraphs[p - 1];
  if (!paragraph || !previous || q.span.open !== paragraph.start || quotesIn(p).length !== 1) return null;
  if (quotesIn(p - 1).length > 0 || doc.isHeading[p - 1] || /["“”]/.test(doc.body.slice(previous.start, previous.end)))
    return null;
  const last = doc.tokens[previous.endToken - 1]?.sentence ?? -1;
  const sentence = doc.sentences[last];
  // An introduction is short; the last sentence of a long paragraph of narrative introduces nobody.
  if (!sentence || last - (doc.tokens[previous.firstToken]?.sentence ?? last) >= MAX_INTRODUCTION_SENTENCES)
    return null;
  const phrase = firstSubject(index, sentence.firstToken, sentence.endToken);
  if (phrase?.kind !== 'name' || phrase.mention?.kind !== 'person') return null;
  return { phrase, adjacentSpeaker: undefined };
}
