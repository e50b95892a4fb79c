import { type ArticleIndex, isCueToken } from '../../text/article-index.ts';
import type { Sentence } from '../../text/document.ts';
import { LEADING_CONJUNCTIONS, looksLikeClause, tailIsAdverbial } from '../clause.ts';
import { interrupted, INVERTING_LEMMAS, reportingCue, speakerLike } from '../report-clause.ts';
import { speakerAfterVerb, subjectThenVerb, type SpeakerPhrase } from '../speaker-phrase.ts';
import type { CuePattern, ReportedCandidate as Candidate } from './unit.ts';

export const clauseThenCueReport: CuePattern = {
  name: 'clause-then-cue',
  reads: 'cue',
  matches:
    'CLAUSE, X said.  /  CLAUSE, said X, the …  /  In particular, he said, CLAUSE. (sentences without quote marks)',
  speaker: 'the subject of the attribution after the comma, before or after its verb',
  confidence: 0.7,
  examples: [
    {
      text: 'The ferry timetable will change in May, port manager Rosa Delgado said.',
      quote: 'The ferry timetable will change in May',
      speaker: 'Rosa Delgado',
    },
    {
      text: 'The vote was never in doubt, said Anton Petrov, the committee chair.',
      quote: 'The vote was never in doubt',
      speaker: 'Anton Petrov',
    },
  ],
  firesAt: isCueToken,
  find(index, s, k, hasQuote) {
    // A clause before the attribution is only taken from sentences without quote marks.
    return !hasQuote && reportingCue(index, s, k, hasQuote) ? clauseThenCue(index, s, k) : null;
  },
};

/** CLAUSE, X said.  /  CLAUSE, said X. */
function clauseThenCue(index: ArticleIndex, s: Sentence, k: number): Candidate | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  // Find the comma that closes the reported clause, just before the attribution.
  let comma = k - 1;
  while (comma > s.firstToken && tokens[comma]?.text !== ',' && k - comma <= 10) comma--;
  if (tokens[comma]?.text !== ',') return null;
  const verb = tokens[k];
  if (!verb) return null;
  let phrase: SpeakerPhrase | null = null;
  if (comma === k - 1) {
    if (!INVERTING_LEMMAS.has(index.doc.language.cues.speechCue(verb.lower)?.lemma ?? '')) return null;
    phrase = speakerAfterVerb(index, k + 1, s.endToken);
  } else {
    const found = subjectThenVerb(index, comma + 1, k + 1);
    if (found && found.verb === k) phrase = found.phrase;
  }
  if (!phrase || !speakerLike(phrase, tokens)) return null;
  // After "said X" an appositive may follow ("said Dan Gerstein, director of …"); after "X said" a comma resumes the clause.
  const inverted = comma === k - 1;
  if (!tailIsAdverbial(tokens, Math.max(phrase.endToken, k + 1), s.endToken, inverted, lang)) {
    return interrupted(index, s, comma, k, phrase);
  }
  let first = s.firstToken;
  while (first < comma && LEADING_CONJUNCTIONS.has(tokens[first]?.lower ?? '')) first++;
  if (tokens[first]?.text === ',') first++;
  if (!looksLikeClause(tokens, first, comma, lang)) return null;
  return { first, end: comma, cue: verb.lower, phrase };
}
