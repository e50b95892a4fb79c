// Reported speech without quote marks. Only clear shapes are taken:
//   X said (that) CLAUSE.            X told reporters (that) CLAUSE.
//   CLAUSE, X said.  /  CLAUSE, said X, the …
//   According to X, CLAUSE.  /  CLAUSE, according to X.
//   In particular, he said, CLAUSE.
// The clause must look like a clause (a verb, a few words) and hold no quote
// marks: quotations are the direct stage's business.

import { speechCue } from '../language/en/cues.ts';
import { lexiconTags } from '../language/en/names.ts';
import { afterDateline, type ArticleIndex, isCueAt } from '../text/article-index.ts';
import { PREPOSITIONS, PRONOUNS } from '../language/en/function-words.ts';
import type { Sentence } from '../text/document.ts';
import type { Token } from '../text/tokens.ts';
import type { FoundQuote } from './direct.ts';
import type { ResolvedSpeaker } from './resolve-speaker.ts';
import { firstSubject, speakerAfterVerb, subjectBefore, subjectThenVerb, type SpeakerPhrase } from './speaker-phrase.ts';
import { clauseEnd, LEADING_CONJUNCTIONS, looksLikeClause, MIN_CLAUSE_TOKENS, tailIsAdverbial } from './clause.ts';

export interface ReportedSpeech {
  start: number;
  end: number;
  cue: string;
  phrase: SpeakerPhrase;
  /** Filled in when speakers are resolved in reading order. */
  resolved: ResolvedSpeaker | null;
}

interface Candidate {
  first: number;
  end: number;
  cue: string;
  phrase: SpeakerPhrase;
}

const THAT_WINDOW = 10;
/** Verbs that put their subject after them: "…, said Dan Gerstein". */
const INVERTING_LEMMAS = new Set(['say', 'add', 'write', 'note', 'explain', 'argue', 'insist', 'continue', 'conclude', 'reply', 'counter', 'recall', 'warn', 'observe', 'remark', 'ask', 'declare', 'report']);

export function findReportedSpeech(index: ArticleIndex, quoted: FoundQuote[]): ReportedSpeech[] {
  const { doc } = index;
  const out: ReportedSpeech[] = [];
  const quotedSentences = new Set(quoted.map((q) => q.sentence));
  doc.sentences.forEach((sentence, si) => {
    if (doc.isHeading[sentence.paragraph]) return;
    const candidates = sentenceCandidates(index, sentence, quotedSentences.has(si));
    // Candidates lie within their sentence, so only this sentence's reports can overlap them.
    const sentenceStart = out.length;
    for (const c of candidates) {
      const first = doc.tokens[c.first];
      const last = doc.tokens[c.end - 1];
      if (!first || !last) continue;
      if (out.slice(sentenceStart).some((o) => o.start < last.end && first.start < o.end)) continue;
      out.push({ start: first.start, end: last.end, cue: c.cue, phrase: c.phrase, resolved: null });
    }
  });
  return out;
}

function sentenceCandidates(index: ArticleIndex, whole: Sentence, hasQuote: boolean): Candidate[] {
  // "PORT CALDER — The university said …": the dateline is not part of what anyone said.
  const s: Sentence = { ...whole, firstToken: afterDateline(index.doc.tokens, whole.firstToken, whole.endToken) };
  const found: Candidate[] = [];
  const accordingFirst = accordingToOpening(index, s);
  if (accordingFirst) found.push(accordingFirst);
  const { tokens } = index.doc;
  for (let k = s.firstToken; k < s.endToken; k++) {
    const t = tokens[k];
    if (!t || t.quote >= 0) continue;
    if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      const trailing = accordingToClosing(index, s, k);
      if (trailing) found.push(trailing);
      continue;
    }
    if (!isCueAt(tokens, k)) continue;
    const cue = speechCue(t.lower);
    if (!cue || (!cue.reports && cue.lemma !== 'ask')) continue;
    // The first cue right after a quotation ("…," he said) attributes that quotation; a later one
    // ("…," he said, arguing that …) may report something else.
    if (hasQuote && attributesQuotation(tokens, s.firstToken, k)) continue;
    const forward = cueThenClause(index, s, k);
    if (forward) {
      found.push(forward);
      continue;
    }
    // A clause before the attribution is only taken from sentences without quote marks.
    const backward = hasQuote ? null : clauseThenCue(index, s, k);
    if (backward) found.push(backward);
  }
  return hasQuote ? found.filter((c) => !containsQuoteMark(tokens, c)) : found;
}

/** X said (that) CLAUSE. */
function cueThenClause(index: ArticleIndex, s: Sentence, k: number): Candidate | null {
  const { tokens } = index.doc;
  const verb = tokens[k];
  if (!verb || isPassive(tokens, k)) return null;
  const cue = speechCue(verb.lower);
  const phrase = cue?.participle || followsConjunction(tokens, k) ? firstSubject(index, s.firstToken, k) : subjectBefore(index, k, s.firstToken);
  if (!phrase || !speakerLike(phrase, tokens)) return null;
  let start = k + 1;
  const that = findWithin(tokens, start, Math.min(s.endToken, start + THAT_WINDOW), (t) => t.lower === 'that' || (cue?.lemma === 'ask' && (t.lower === 'whether' || t.lower === 'if')));
  if (cue?.lemma === 'ask') {
    if (that < 0) return null;
    start = that;
  } else if (that >= 0 && adverbialOnly(tokens, start, that, cue?.lemma === 'tell')) {
    start = that + 1;
    while (start < s.endToken && tokens[start]?.text === ',') start++;
    const end = clauseEnd(tokens, start, s.endToken);
    // After an explicit "that" the clause may open with anything: "that in an era of change, it needed …".
    if (!looksLikeClause(tokens, start, end, true)) return null;
    return { first: start, end, cue: verb.lower, phrase };
  } else {
    start = skipAdverbials(tokens, start, s.endToken);
    if (cue?.lemma === 'tell') {
      start = skipObject(index, start, s.endToken);
      if (start < 0) return null;
    }
  }
  const end = clauseEnd(tokens, start, s.endToken);
  if (!looksLikeClause(tokens, start, end, cue?.lemma === 'ask')) return null;
  return { first: start, end, cue: verb.lower, phrase };
}

/** CLAUSE, X said.  /  CLAUSE, said X. */
function clauseThenCue(index: ArticleIndex, s: Sentence, k: number): Candidate | null {
  const { tokens } = index.doc;
  // Find the comma that closes the reported clause, just before the attribution.
  let comma = k - 1;
  while (comma > s.firstToken && tokens[comma]?.text !== ',' && k - comma <= 10) comma--;
  if (tokens[comma]?.text !== ',') return null;
  const verb = tokens[k];
  if (!verb) return null;
  let phrase: SpeakerPhrase | null = null;
  if (comma === k - 1) {
    if (!INVERTING_LEMMAS.has(speechCue(verb.lower)?.lemma ?? '')) return null;
    phrase = speakerAfterVerb(index, k + 1, s.endToken);
  }
  else {
    const found = subjectThenVerb(index, comma + 1, k + 1);
    if (found && found.verb === k) phrase = found.phrase;
  }
  if (!phrase || !speakerLike(phrase, tokens)) return null;
  // After "said X" an appositive may follow ("said Dan Gerstein, director of …"); after "X said" a comma resumes the clause.
  const inverted = comma === k - 1;
  if (!tailIsAdverbial(tokens, Math.max(phrase.endToken, k + 1), s.endToken, inverted)) {
    return interrupted(index, s, comma, k, phrase);
  }
  let first = s.firstToken;
  while (first < comma && LEADING_CONJUNCTIONS.has(tokens[first]?.lower ?? '') ) first++;
  if (tokens[first]?.text === ',') first++;
  if (!looksLikeClause(tokens, first, comma)) return null;
  return { first, end: comma, cue: verb.lower, phrase };
}

/** "In particular, he said, the foundation had …": the attribution interrupts the clause. */
function interrupted(index: ArticleIndex, s: Sentence, comma: number, k: number, phrase: SpeakerPhrase): Candidate | null {
  const { tokens } = index.doc;
  const after = Math.max(phrase.endToken, k + 1);
  if (tokens[after]?.text !== ',') return null;
  const end = clauseEnd(tokens, after + 1, s.endToken);
  // "In particular, he said, the foundation …" reports what follows the aside;
  // "The noise, she added, starts at six" reports the whole sentence around it.
  const opener = tokens[s.firstToken];
  const adverbialLead = comma - s.firstToken <= 3 && !!opener && (PREPOSITIONS.has(opener.lower) || lexiconTags(opener.lower).includes('Adverb') || LEADING_CONJUNCTIONS.has(opener.lower));
  const first = adverbialLead ? after + 1 : s.firstToken;
  // "Sales were great, he said, wiping his face": what follows the aside is the reporter's, not the report.
  const resumesClause = /^(had|has|have|was|were|is|are|would|will|could|should|can|may|might|must)$/.test(tokens[after + 1]?.lower ?? '');
  if (!adverbialLead && !resumesClause && looksLikeClause(tokens, s.firstToken, comma) && !looksLikeClause(tokens, after + 1, end, true)) {
    return { first: s.firstToken, end: comma, cue: tokens[k]?.lower ?? 'said', phrase };
  }
  if (!looksLikeClause(tokens, first, end, true)) return null;
  return { first, end, cue: tokens[k]?.lower ?? 'said', phrase };
}

/** According to X, CLAUSE. */
function accordingToOpening(index: ArticleIndex, s: Sentence): Candidate | null {
  const { tokens } = index.doc;
  let k = s.firstToken;
  while (k < s.endToken && k - s.firstToken < 4 && tokens[k]?.lower !== 'according') k++;
  if (tokens[k]?.lower !== 'according' || tokens[k + 1]?.lower !== 'to' || tokens[k]?.quote !== -1) return null;
  const phrase = speakerAfterVerb(index, k + 2, s.endToken);
  if (!phrase) return null;
  let comma = phrase.endToken;
  while (comma < s.endToken && tokens[comma]?.text !== ',' && comma - phrase.endToken < 8) comma++;
  if (tokens[comma]?.text !== ',') return null;
  const end = clauseEnd(tokens, comma + 1, s.endToken);
  if (!looksLikeClause(tokens, comma + 1, end)) return null;
  return innerHolder(index, comma + 1, end) ?? { first: comma + 1, end, cue: 'according to', phrase };
}

/** Verbs by which a group holds or voices a view: "According to AP, analysts find …". */
const VIEW_VERBS = new Set(['say', 'says', 'said', 'find', 'found', 'believe', 'believes', 'think', 'thinks', 'agree', 'agreed', 'expect', 'expects', 'argue', 'argued', 'consider', 'considers', 'see', 'suspect', 'suspects', 'warn', 'warned', 'predict', 'predicted']);

/**
 * "According to AP, analysts find the proposition to be a ploy": the
 * source reports what the analysts hold, so the analysts are the speaker.
 */
function innerHolder(index: ArticleIndex, first: number, end: number): Candidate | null {
  const { tokens } = index.doc;
  for (let k = first + 1; k < Math.min(end, first + 6); k++) {
    const t = tokens[k];
    if (!t || !VIEW_VERBS.has(t.lower)) continue;
    const holder = subjectBefore(index, k, first);
    if (!holder || (holder.kind !== 'group' && holder.kind !== 'role' && holder.kind !== 'name')) return null;
    let start = k + 1;
    if (tokens[start]?.lower === 'that') start++;
    if (end - start < MIN_CLAUSE_TOKENS) return null;
    return { first: start, end, cue: t.lower, phrase: holder };
  }
  return null;
}

/** CLAUSE, according to X. */
function accordingToClosing(index: ArticleIndex, s: Sentence, k: number): Candidate | null {
  const { tokens } = index.doc;
  if (tokens[k - 1]?.text !== ',' || k - 1 <= s.firstToken) return null;
  const phrase = speakerAfterVerb(index, k + 2, s.endToken);
  if (!phrase) return null;
  if (!looksLikeClause(tokens, s.firstToken, k - 1)) return null;
  return { first: s.firstToken, end: k - 1, cue: 'according to', phrase };
}

function speakerLike(phrase: SpeakerPhrase, tokens: Token[]): boolean {
  if (phrase.kind === 'pronoun') return phrase.head !== 'it' || true;
  if (phrase.kind === 'other') return tokens[phrase.endToken - 1]?.cap === true;
  return true;
}

function isPassive(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return !!prev && /^(was|were|been|being|is|are|be|get|got)$/.test(prev.lower);
}

function followsConjunction(tokens: Token[], k: number): boolean {
  return /^(and|but|or)$/.test(tokens[k - 1]?.lower ?? '');
}

function findWithin(tokens: Token[], from: number, to: number, test: (t: Token) => boolean): number {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t || t.text === ',' && !test(t)) {
      if (t?.text === ',') continue;
      return -1;
    }
    if (test(t)) return i;
  }
  return -1;
}

/** Between a verb and "that" only time, place and manner: "on Tuesday in a statement". */
function adverbialOnly(tokens: Token[], from: number, to: number, allowObject: boolean): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) return false;
    if (!t.isWord) continue;
    const tags = lexiconTags(t.lower);
    if (!allowObject && tags.some((x) => x === 'PastTense' || x === 'Copula' || x === 'Modal')) return false;
  }
  return true;
}

function skipAdverbials(tokens: Token[], from: number, to: number): number {
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (!t || !t.isWord) break;
    const tags = lexiconTags(t.lower);
    const timeWord = tags.some((x) => x === 'WeekDay' || x === 'Month' || x === 'Date') || /^(today|yesterday|tonight|recently|earlier|later|previously|privately|publicly|repeatedly|again|also|last|this|on|friday|monday|tuesday|wednesday|thursday|saturday|sunday)$/.test(t.lower);
    if (!timeWord) break;
    i++;
  }
  return i;
}

/** After "told": the person told ("reporters", "CNN", "him"), then the clause. */
function skipObject(index: ArticleIndex, from: number, to: number): number {
  const { tokens } = index.doc;
  const t = tokens[from];
  if (!t) return -1;
  const m = index.mentionStartingAt.get(from) ?? (/^(the|a|an)$/.test(t.lower) ? index.mentionStartingAt.get(from + 1) : undefined);
  // "told CNN", "told the National Post" — but "told USA TODAY's weekly series" goes on past the name.
  if (m && !m.possessive) return m.endToken;
  if (/^(him|her|them|me|us|you|reporters|journalists|supporters|voters|listeners|viewers|lawmakers|members|investigators|agents|officials)$/.test(t.lower)) return from + 1;
  if (m || /^(the|a|an|his|her|their)$/.test(t.lower)) {
    for (let i = from + 1; i < Math.min(to, from + 8); i++) {
      const w = tokens[i];
      if (w && w.isWord && (PRONOUNS.has(w.lower) || /^(he|she|they|we|it|i)['’]/.test(w.lower))) return i;
    }
  }
  return -1;
}

function attributesQuotation(tokens: Token[], first: number, k: number): boolean {
  for (let i = k - 1; i >= first && k - i <= 5; i--) {
    const t = tokens[i];
    if (!t) break;
    if (t.quote >= 0 || /["”“'’]/.test(t.text)) return true;
    if (isCueAt(tokens, i)) return false;
  }
  return false;
}

function containsQuoteMark(tokens: Token[], c: Candidate): boolean {
  for (let i = c.first; i < c.end; i++) if (tokens[i] && /["“”«»]/.test(tokens[i]?.text ?? '')) return true;
  return false;
}

