import type { ArticleIndex } from '../../text/article-index.ts';
import type { Sentence } from '../../text/document.ts';
import { looksLikeClause } from '../clause.ts';
import { speakerAfterVerb } from '../speaker-phrase.ts';
import type { CuePattern, ReportedCandidate as Candidate } from './unit.ts';

export const accordingClosingReport: CuePattern = {
  name: 'according-closing',
  reads: 'cue',
  matches: 'CLAUSE, according to X.',
  speaker: 'the words after "according to"',
  confidence: 0.7,
  examples: [
    {
      text: 'The school will close two classrooms next year, according to Amir Haddad, the school’s principal.',
      quote: 'The school will close two classrooms next year',
      speaker: 'Amir Haddad',
    },
  ],
  firesAt: (t) => t.lower === 'according',
  find(index, s, k) {
    const { tokens } = index.doc;
    if (tokens[k]?.quote !== -1 || tokens[k]?.lower !== 'according' || tokens[k + 1]?.lower !== 'to') return null;
    return accordingToClosing(index, s, k);
  },
};

/** CLAUSE, according to X. */
function accordingToClosing(index: ArticleIndex, s: Sentence, k: number): Candidate | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  if (tokens[k - 1]?.text !== ',' || k - 1 <= s.firstToken) return null;
  const phrase = speakerAfterVerb(index, k + 2, s.endToken);
  if (!phrase) return null;
  if (!looksLikeClause(tokens, s.firstToken, k - 1, lang)) return null;
  return { first: s.firstToken, end: k - 1, cue: 'according to', phrase };
}
