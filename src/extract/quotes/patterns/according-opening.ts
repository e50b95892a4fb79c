import type { ArticleIndex } from '../../text/article-index.ts';
import type { Sentence } from '../../text/document.ts';
import { clauseEnd, looksLikeClause } from '../clause.ts';
import { innerHolder } from '../report-clause.ts';
import { speakerAfterVerb } from '../speaker-phrase.ts';
import type { ReportedCandidate as Candidate, SentencePattern } from './unit.ts';

export const accordingOpeningReport: SentencePattern = {
  name: 'according-opening',
  reads: 'sentence',
  matches: 'According to X, CLAUSE.  /  According to X, analysts find CLAUSE.',
  speaker: 'the words after "according to"; or the group that holds the view it reports ("analysts")',
  confidence: 0.7,
  examples: [
    {
      text: 'According to Inspector Maeve Dunne, the fire started in the kitchen shortly after midnight.',
      quote: 'the fire started in the kitchen shortly after midnight',
      speaker: 'Maeve Dunne',
    },
  ],
  find: accordingToOpening,
};

/** According to X, CLAUSE. */
function accordingToOpening(index: ArticleIndex, s: Sentence): Candidate | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  let k = s.firstToken;
  while (k < s.endToken && k - s.firstToken < 4 && tokens[k]?.lower !== 'according') k++;
  if (tokens[k]?.lower !== 'according' || tokens[k + 1]?.lower !== 'to' || tokens[k]?.quote !== -1) return null;
  const phrase = speakerAfterVerb(index, k + 2, s.endToken);
  if (!phrase) return null;
  let comma = phrase.endToken;
  while (comma < s.endToken && tokens[comma]?.text !== ',' && comma - phrase.endToken < 8) comma++;
  if (tokens[comma]?.text !== ',') return null;
  const end = clauseEnd(tokens, comma + 1, s.endToken, lang);
  if (!looksLikeClause(tokens, comma + 1, end, lang)) return null;
  return innerHolder(index, comma + 1, end) ?? { first: comma + 1, end, cue: 'according to', phrase };
}
