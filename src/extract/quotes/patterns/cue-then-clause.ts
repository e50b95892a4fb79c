import { type ArticleIndex, isCueToken } from '../../text/article-index.ts';
import type { Sentence } from '../../text/document.ts';
import { clauseEnd, looksLikeClause } from '../clause.ts';
import {
  adverbialOnly,
  findWithin,
  followsConjunction,
  isPassive,
  reportingCue,
  skipAdverbials,
  skipObject,
  speakerLike,
  THAT_WINDOW,
} from '../report-clause.ts';
import { firstSubject, subjectBefore } from '../speaker-phrase.ts';
import type { CuePattern, ReportedCandidate as Candidate } from './unit.ts';

export const cueThenClauseReport: CuePattern = {
  name: 'cue-then-clause',
  reads: 'cue',
  matches: 'X said (that) CLAUSE.  /  X told reporters (that) CLAUSE.  /  X asked whether CLAUSE.',
  speaker: 'the subject before the speech verb (the sentence\'s subject after "and" or for a participle)',
  confidence: 0.7,
  examples: [
    {
      text: 'Harbour director Lena Marsh said that the new quay would open in October.',
      quote: 'the new quay would open in October',
      speaker: 'Lena Marsh',
    },
    {
      text: 'Farmer Colm Brady told reporters the flood had taken half his herd.',
      quote: 'the flood had taken half his herd',
      speaker: 'Colm Brady',
    },
  ],
  firesAt: isCueToken,
  find(index, s, k, hasQuote) {
    return reportingCue(index, s, k, hasQuote) ? cueThenClause(index, s, k) : null;
  },
};

/** X said (that) CLAUSE. */
function cueThenClause(index: ArticleIndex, s: Sentence, k: number): Candidate | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const verb = tokens[k];
  if (!verb || isPassive(tokens, k)) return null;
  const cue = index.doc.language.cues.speechCue(verb.lower);
  const phrase =
    cue?.participle || followsConjunction(tokens, k)
      ? firstSubject(index, s.firstToken, k)
      : subjectBefore(index, k, s.firstToken);
  if (!phrase || !speakerLike(phrase, tokens)) return null;
  let start = k + 1;
  const that = findWithin(
    tokens,
    start,
    Math.min(s.endToken, start + THAT_WINDOW),
    (t) => t.lower === 'that' || (cue?.lemma === 'ask' && (t.lower === 'whether' || t.lower === 'if')),
  );
  if (cue?.lemma === 'ask') {
    if (that < 0) return null;
    start = that;
  } else if (that >= 0 && adverbialOnly(index.doc.language, tokens, start, that, cue?.lemma === 'tell')) {
    start = that + 1;
    while (start < s.endToken && tokens[start]?.text === ',') start++;
    const end = clauseEnd(tokens, start, s.endToken, lang);
    // After an explicit "that" the clause may open with anything: "that in an era of change, it needed …".
    if (!looksLikeClause(tokens, start, end, lang, true)) return null;
    return { first: start, end, cue: verb.lower, phrase };
  } else {
    start = skipAdverbials(index.doc.language, tokens, start, s.endToken);
    if (cue?.lemma === 'tell') {
      start = skipObject(index, start, s.endToken);
      if (start < 0) return null;
    }
  }
  const end = clauseEnd(tokens, start, s.endToken, lang);
  if (!looksLikeClause(tokens, start, end, lang, cue?.lemma === 'ask')) return null;
  return { first: start, end, cue: verb.lower, phrase };
}
