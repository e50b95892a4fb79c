// Quotations in quote marks and who said them. Attribution patterns, tried in
// order for each quotation:
//   trailing   "…," X said / "…," said X / "…," X, a professor, said
//   leading    X said: "…" / X told reporters, "…" / According to X, "…"
//   embedded   X said it was a "mistake" / X called it "outrageous"
//   inherited  a second quotation in the paragraph, or a paragraph that opens
//              with a quote mark continuing the previous speaker's quotation

import { FRAMING_VERBS, speechCue } from '../lexicon/cues.ts';
import type { NameMention } from '../entities/mention-types.ts';
import type { QuoteSpan } from '../text/quote-marks.ts';
import { type ArticleIndex, DETERMINERS, isCueAt, isCueToken, PREPOSITIONS } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import { finiteAt, tailIsAdverbial } from './clause.ts';
import { firstTokenAtOrAfter } from './locate.ts';
import { givesAName, looksLikeWorkTitle, quoteKind, type QuoteWindow } from './quote-kind.ts';
import type { ResolvedSpeaker } from './resolve-speaker.ts';
import { pronounPhrase } from './noun-phrase.ts';
import { firstSubject, speakerAfterVerb, subjectBefore, subjectThenVerb, type SpeakerPhrase } from './speaker-phrase.ts';

export type AttributionPattern = 'trailing' | 'leading' | 'according' | 'embedded' | 'inherited' | 'none';

export interface FoundQuote {
  span: QuoteSpan;
  kind: 'direct' | 'partial';
  pattern: AttributionPattern;
  cue: string | null;
  /** The words naming the speaker, when the quotation has its own attribution. */
  phrase: SpeakerPhrase | null;
  /** Filled in when speakers are resolved in reading order. */
  resolved: ResolvedSpeaker | null;
  /** Token range of the sentence that holds the quotation. */
  sentence: number;
}

const LEADING_CUE_WINDOW = 14;
const EMBEDDED_CUE_WINDOW = 30;
const DASHES = new Set([',', '—', '–', '-', '--']);

type Window = QuoteWindow;

export function findQuotedSpeech(index: ArticleIndex): FoundQuote[] {
  const { doc } = index;
  const found: FoundQuote[] = [];
  const windows = doc.quotes.map((span, i) => quoteWindow(index, span, i));
  doc.quotes.forEach((span, i) => {
    const w = windows[i];
    if (!w) return;
    const explicit = explicitAttribution(index, w) ?? introducedByColon(index, span, i);
    found.push({
      span,
      kind: quoteKind(doc.tokens, w, explicit.pattern, doc.body.slice(span.textStart, span.textEnd)),
      pattern: explicit.phrase ? explicit.pattern : 'none',
      cue: explicit.cue,
      phrase: explicit.phrase,
      resolved: null,
      sentence: w.sentence,
    });
  });
  return found.filter((q) => !(looksLikeWorkTitle(doc.body.slice(q.span.textStart, q.span.textEnd)) && !givesAName(q) && !insideReport(index, q)));
}

function quoteWindow(index: ArticleIndex, span: QuoteSpan, i: number): Window | null {
  const { tokens, sentences, quotes } = index.doc;
  const open = firstTokenAtOrAfter(tokens, span.open);
  const inner = firstTokenAtOrAfter(tokens, span.textStart);
  const close = firstTokenAtOrAfter(tokens, span.closeEnd);
  const sentence = tokens[inner]?.sentence ?? tokens[open]?.sentence ?? -1;
  const s = sentences[sentence];
  if (!s) return null;
  let floor = s.firstToken;
  let limit = s.endToken;
  const prev = quotes[i - 1];
  if (prev && prev.paragraph === span.paragraph) {
    const prevClose = firstTokenAtOrAfter(tokens, prev.closeEnd);
    if (prevClose > floor && prevClose <= open) floor = prevClose;
  }
  const next = quotes[i + 1];
  if (next && next.paragraph === span.paragraph) {
    const nextOpen = firstTokenAtOrAfter(tokens, next.open);
    if (nextOpen < limit && nextOpen >= close) limit = nextOpen;
  }
  return { open, inner, close, floor, limit, sentenceFirst: s.firstToken, sentence };
}

interface Explicit {
  phrase: SpeakerPhrase | null;
  pattern: AttributionPattern;
  cue: string | null;
}

function explicitAttribution(index: ArticleIndex, w: Window): Explicit | null {
  return trailing(index, w) ?? leading(index, w) ?? embedded(index, w) ?? previousSentenceIntroduces(index, w);
}

/**
 * "Sam Lau, the party's spokesman, said in a statement. “There are no …”":
 * a sentence ending in an attribution introduces the quotation after it.
 */
function previousSentenceIntroduces(index: ArticleIndex, w: Window): Explicit | null {
  const { tokens, sentences } = index.doc;
  if (w.open !== w.sentenceFirst) return null;
  const previous = sentences[w.sentence - 1];
  const current = sentences[w.sentence];
  if (!previous || !current || previous.paragraph !== current.paragraph) return null;
  for (let c = previous.endToken - 1; c >= previous.firstToken && previous.endToken - c <= 8; c--) {
    const t = tokens[c];
    if (!t || t.quote >= 0) return null;
    if (!isCueAt(tokens, c)) continue;
    const tail = tokens.slice(c + 1, previous.endToken).filter((x) => x.isWord);
    if (tail.some((x) => !/^(in|a|an|the|on|at|to|statement|interview|email|release|post|tweet|reporters|today|yesterday|later|earlier|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(x.lower))) return null;
    const phrase = subjectBefore(index, c, previous.firstToken);
    return phrase ? { phrase, pattern: 'leading', cue: cueText(tokens, c) } : null;
  }
  return null;
}

function cueText(tokens: Token[], k: number): string | null {
  const t = tokens[k];
  if (!t) return null;
  if (t.lower === 'according') return 'according to';
  return t.lower;
}

/** "…," X said  /  "…," said X  /  "…!" X replied. */
function trailing(index: ArticleIndex, w: Window): Explicit | null {
  const { tokens, sentences, body } = index.doc;
  let k = w.close;
  while (k < w.limit && DASHES.has(tokens[k]?.text ?? '')) k++;
  if (k >= w.limit) {
    // "That is false!" Maher replied. — the exclamation ended the sentence, the attribution is the next one.
    const next = sentences[w.sentence + 1];
    const closeToken = tokens[w.close];
    if (!next || !closeToken || closeToken.sentence !== w.sentence + 1 || next.endToken - next.firstToken > 14) return null;
    // A new paragraph is a new turn: its first sentence never attributes the quotation before it.
    if (next.paragraph !== sentences[w.sentence]?.paragraph) return null;
    if (!/[?!.]["”'’]*$/.test(body.slice(tokens[w.inner]?.start ?? 0, tokens[w.close - 1]?.end ?? 0))) return null;
    let limit = next.endToken;
    for (let k = w.close; k < next.endToken; k++) {
      if ((tokens[k]?.quote ?? -1) >= 0) {
        limit = k - 1;
        break;
      }
    }
    const found = attributionAt(index, w.close, limit);
    // "He said the study was small." reports something new; only a bare "Maher replied." attributes the quotation.
    return found && attributionIsWholeSentence(tokens, found, w.close, limit) ? found : null;
  }
  return attributionAt(index, k, w.limit);
}

function attributionIsWholeSentence(tokens: Token[], found: Explicit, from: number, limit: number): boolean {
  const phrase = found.phrase;
  if (!phrase) return false;
  let verb = from;
  while (verb < limit && !isCueAt(tokens, verb)) verb++;
  return tailIsAdverbial(tokens, Math.max(verb + 1, phrase.endToken), limit, true) && !tokens.slice(verb + 1, limit).some((t) => t.lower === 'that');
}

function attributionAt(index: ArticleIndex, k: number, limit: number): Explicit | null {
  const { tokens } = index.doc;
  const t = tokens[k];
  if (isCueAt(tokens, k) && !speechCue(t?.lower ?? '')?.participle) {
    const phrase = speakerAfterVerb(index, k + 1, limit);
    if (phrase) return { phrase, pattern: 'trailing', cue: cueText(tokens, k) };
    return null;
  }
  const found = subjectThenVerb(index, k, limit);
  return found ? { phrase: found.phrase, pattern: 'trailing', cue: cueText(tokens, found.verb) } : null;
}

/** X said: "…"  /  According to X, "…". */
function leading(index: ArticleIndex, w: Window): Explicit | null {
  const { tokens } = index.doc;
  const b = w.open - 1;
  if (b < w.floor) return null;
  const punctuated = [',', ':', '—', '–'].includes(tokens[b]?.text ?? '');
  const last = punctuated ? b - 1 : b;
  if (!punctuated && !isCueAt(tokens, last)) return null;
  for (let c = last; c >= w.floor && last - c <= LEADING_CUE_WINDOW; c--) {
    const t = tokens[c];
    if (!t || t.quote >= 0) break;
    if (t.lower === 'according' && tokens[c + 1]?.lower === 'to') {
      const phrase = speakerAfterVerb(index, c + 2, w.open);
      return phrase ? { phrase, pattern: 'according', cue: 'according to' } : null;
    }
    if (!isCueAt(tokens, c)) continue;
    // A participle's subject is the sentence's, which may stand before an earlier quotation in it.
    const phrase = speechCue(t.lower)?.participle ? firstSubject(index, w.sentenceFirst, c) : subjectBefore(index, c, w.floor);
    return phrase ? { phrase, pattern: 'leading', cue: cueText(tokens, c) } : null;
  }
  return tokens[b]?.text === ':' ? (possessiveSource(index, w.floor, b) ?? colonIntroduction(index, w.floor, b)) : null;
}

/** "Coach Dan Riley looked back on the season: "…"": the subject of the introducing clause. */
function colonIntroduction(index: ArticleIndex, floor: number, colon: number): Explicit | null {
  const phrase = firstSubject(index, floor, colon);
  if (!phrase || (phrase.kind !== 'name' && phrase.kind !== 'pronoun' && phrase.kind !== 'role')) return null;
  if (phrase.kind === 'name' && phrase.mention?.kind !== 'person' && phrase.mention?.kind !== 'organization') return null;
  return { phrase, pattern: 'leading', cue: null };
}

/** "From Bush's Facebook post: "…"": the owner of the statement, post or letter. */
function possessiveSource(index: ArticleIndex, floor: number, colon: number): Explicit | null {
  const { tokens } = index.doc;
  for (let k = colon - 1; k >= floor && colon - k <= 6; k--) {
    const m = index.mentionEndingAt.get(k);
    if (!m || !m.possessive || m.inQuote) continue;
    const after = tokens.slice(m.endToken, colon).map((t) => t.lower);
    if (!after.some((w) => SOURCE_NOUNS.has(w))) return null;
    return { phrase: nameOnly(index, m), pattern: 'leading', cue: null };
  }
  return null;
}

const SOURCE_NOUNS = new Set(['post', 'statement', 'tweet', 'letter', 'email', 'e-mail', 'memo', 'message', 'speech', 'remarks', 'website', 'blog', 'op-ed', 'column', 'book', 'interview', 'response', 'reply', 'note', 'account', 'page', 'video', 'announcement', 'essay', 'testimony']);

function nameOnly(index: ArticleIndex, m: NameMention): SpeakerPhrase {
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

/** X said it was a "mistake"; "…" that Sanders can win, said X. */
function embedded(index: ArticleIndex, w: Window): Explicit | null {
  const { tokens } = index.doc;
  for (let c = w.open - 1; c >= w.floor && w.open - c <= EMBEDDED_CUE_WINDOW; c--) {
    const t = tokens[c];
    if (!t || t.quote >= 0) continue;
    if (t.lower === 'according' && tokens[c + 1]?.lower === 'to') {
      const phrase = speakerAfterVerb(index, c + 2, w.open);
      if (phrase) return { phrase, pattern: 'according', cue: 'according to' };
    }
    const owned = ownedStatement(index, c, w.open, w.sentenceFirst);
    if (owned) return owned;
    if (!isCueAt(tokens, c) && !(t.isWord && FRAMING_VERBS.has(t.lower) && isCueAtLike(tokens, c))) continue;
    // "Clinton told the meeting … while her opponent wants to "take America backward"": wanting is no speech, so
    // inside someone's report the words are the reporter's.
    if (/^(wants|wanted|want)$/.test(t.lower) && reportedBefore(tokens, w.sentenceFirst, c)) continue;
    // ", calling it a "special place"": a participle, spoken or framing, has the sentence's subject.
    const participle = speechCue(t.lower)?.participle || (/ing$/.test(t.lower) && tokens[c - 1]?.text === ',');
    const phrase = participle ? firstSubject(index, w.sentenceFirst, c) : subjectBefore(index, c, w.sentenceFirst);
    if (phrase) return { phrase, pattern: 'embedded', cue: cueText(tokens, c) };
  }
  for (let c = w.close; c < w.limit && c - w.close <= EMBEDDED_CUE_WINDOW; c++) {
    if (!isCueAt(tokens, c)) continue;
    // "needled the "reporter," saying, "…"": a participle right before the next quotation introduces that one.
    if (speechCue(tokens[c]?.lower ?? '')?.participle && introducesNextQuotation(tokens, c, w.limit)) return null;
    const phrase = speakerAfterVerb(index, c + 1, w.limit) ?? subjectBefore(index, c, w.close);
    if (phrase?.kind === 'other' && !tokens[phrase.firstToken]?.cap) continue;
    if (phrase) return { phrase, pattern: 'embedded', cue: cueText(tokens, c) };
  }
  return null;
}

function reportedBefore(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isCueAt(tokens, k) && speechCue(tokens[k]?.lower ?? '')?.reports) return true;
  return false;
}

/**
 * "CBS said it was canceling the low-rated "Rush Hour."": a title inside what
 * someone reports (after the speech verb, within a clause of its own) is part
 * of their words; one in the attribution ("said on NBC's "Meet the Press"") is not.
 */
function insideReport(index: ArticleIndex, q: FoundQuote): boolean {
  if (q.pattern !== 'embedded' || !speechCue(q.cue ?? '')?.reports) return false;
  const { tokens } = index.doc;
  const open = firstTokenAtOrAfter(tokens, q.span.open);
  for (let c = open - 1; c >= 0 && open - c <= EMBEDDED_CUE_WINDOW && tokens[c]?.sentence === tokens[open]?.sentence; c--) {
    if (!isCueAt(tokens, c)) continue;
    for (let k = c + 1; k < open; k++) if (finiteAt(tokens, k) && !isCueToken(tokens[k])) return true;
    return false;
  }
  return false;
}

/** Nouns for something someone said: "his claim that …", "her March comment that, "…"". */
const STATEMENT_NOUNS = new Set([
  'claim', 'claims', 'comment', 'comments', 'assertion', 'warning', 'remark', 'remarks', 'statement', 'promise',
  'pledge', 'vow', 'argument', 'suggestion', 'insistence', 'declaration', 'accusation', 'boast', 'prediction',
  'contention', 'admission', 'complaint', 'observation', 'charge', 'allegation', 'threat', 'announcement',
]);
const OWNER_PRONOUNS = new Map([['his', 'he'], ['her', 'she'], ['its', 'it']]);
const MONTHS_AND_DAYS = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * "De Blasio repeated his claim that "profit-making" was …", "Trump's claim
 * that Obama "founded ISIS"": a statement noun with an owner, then "that" (or
 * the quotation itself), makes the owner the speaker.
 */
function ownedStatement(index: ArticleIndex, c: number, open: number, sentenceFirst: number): Explicit | null {
  const { tokens } = index.doc;
  const noun = tokens[c];
  if (!noun || !noun.isWord || noun.cap || !STATEMENT_NOUNS.has(noun.lower)) return null;
  // "The lawmaker said Trump's remarks "have had …"": inside someone's report, the words are the reporter's.
  for (let k = sentenceFirst; k < c; k++) if (isCueAt(tokens, k)) return null;
  const between = tokens.slice(c + 1, open).filter((t) => t.isWord);
  if (between.length > 0 && !between.some((t) => t.lower === 'that')) return null;
  if (between.some((t) => isCueToken(t))) return null;
  // The owner stands at most two words before the noun: "her March comment", "his recent warning".
  for (let k = c - 1; k >= Math.max(0, c - 3); k--) {
    const t = tokens[k];
    if (!t || !t.isWord || t.quote >= 0) return null;
    const pronoun = OWNER_PRONOUNS.get(t.lower);
    if (pronoun) return { phrase: pronounPhrase(k, pronoun), pattern: 'embedded', cue: noun.lower };
    if (MONTHS_AND_DAYS.test(t.lower)) continue;
    const m = index.mentionEndingAt.get(k);
    if (m && m.possessive && !m.inQuote) return { phrase: nameOnly(index, m), pattern: 'embedded', cue: noun.lower };
    if (m || DETERMINERS.has(t.lower) || PREPOSITIONS.has(t.lower)) return null;
  }
  return null;
}

function introducesNextQuotation(tokens: Token[], c: number, limit: number): boolean {
  for (let k = c + 1; k < Math.min(limit + 3, c + 4); k++) if ((tokens[k]?.quote ?? -1) >= 0) return true;
  return false;
}

/** A framing verb ("called") is a verb unless a determiner makes it a noun. */
function isCueAtLike(tokens: Token[], c: number): boolean {
  const prev = tokens[c - 1];
  return !prev || !/^(the|a|an|his|her|its|their|our|my|your|this|that)$/.test(prev.lower);
}

/**
 * "He then listed the qualities:" followed by a paragraph in quote marks:
 * the speaker is the subject of the introducing sentence.
 */
function introducedByColon(index: ArticleIndex, span: QuoteSpan, i: number): Explicit {
  const none: Explicit = { phrase: null, pattern: 'none', cue: null };
  const { doc } = index;
  const previousSpan = doc.quotes[i - 1];
  if (previousSpan?.paragraph === span.paragraph || !doc.opensWithQuote[span.paragraph]) return none;
  const previous = doc.paragraphs[span.paragraph - 1];
  if (!previous || previousSpan?.paragraph === span.paragraph - 1) return none;
  if (!doc.body.slice(previous.start, previous.end).trimEnd().endsWith(':')) return none;
  const lastToken = doc.tokens[previous.endToken - 1];
  const sentence = lastToken ? doc.sentences[lastToken.sentence] : undefined;
  if (!sentence) return none;
  const phrase = firstSubject(index, sentence.firstToken, sentence.endToken);
  return phrase ? { phrase, pattern: 'leading', cue: null } : none;
}

