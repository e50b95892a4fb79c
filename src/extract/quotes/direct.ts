// Quotations in quote marks and who said them. Attribution patterns, tried in
// order for each quotation:
//   trailing   "…," X said / "…," said X / "…," X, a professor, said
//   leading    X said: "…" / X told reporters, "…" / According to X, "…"
//   embedded   X said it was a "mistake" / X called it "outrageous"
//   inherited  a second quotation in the paragraph, or a paragraph that opens
//              with a quote mark continuing the previous speaker's quotation

import type { Entity } from '../entities/entity-types.ts';
import { speechCue } from '../language/en/cues.ts';
import type { QuoteSpan } from '../text/quote-marks.ts';
import { type ArticleIndex, isCueAt } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import { tailIsAdverbial } from './clause.ts';
import { embedded, insideReport } from './embedded.ts';
import { cueText, type Explicit, nameOnly } from './explicit.ts';
import { firstTokenAtOrAfter } from './locate.ts';
import { givesAName, looksLikeWorkTitle, quoteKind, type QuoteWindow } from './quote-kind.ts';
import type { ResolvedSpeaker } from './resolve-speaker.ts';
import { firstSubject, speakerAfterVerb, subjectBefore, subjectThenVerb, type SpeakerPhrase } from './speaker-phrase.ts';

export type AttributionPattern = 'trailing' | 'leading' | 'according' | 'embedded' | 'inherited' | 'adjacent' | 'none';

export interface FoundQuote {
  span: QuoteSpan;
  kind: 'direct' | 'partial';
  pattern: AttributionPattern;
  cue: string | null;
  /** The words naming the speaker, when the quotation has its own attribution. */
  phrase: SpeakerPhrase | null;
  /** A speaker known without words to resolve: the interviewee of an "A:" turn, "VOSS:". */
  adjacentSpeaker?: { entity: Entity; label: string } | undefined;
  /** Filled in when speakers are resolved in reading order. */
  resolved: ResolvedSpeaker | null;
  /** Token range of the sentence that holds the quotation. */
  sentence: number;
}

const LEADING_CUE_WINDOW = 14;
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

