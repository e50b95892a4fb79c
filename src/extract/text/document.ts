// The analysed body: paragraphs, quote spans, tokens and sentences, all
// addressed by offsets into one string. Built once, read by every later stage.

import type { LanguagePack } from '../language/pack.ts';
import { findQuoteSpans, opensWithQuote, type QuoteSpan } from './quote-marks.ts';
import { QUOTE_MARK_STYLES } from '../styles/index.ts';
import { type Token, tokenize } from './tokens.ts';

export interface Paragraph {
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  firstToken: number;
  endToken: number;
}

export interface Sentence {
  paragraph: number;
  firstToken: number;
  endToken: number;
}

export interface ArticleText {
  body: string;
  paragraphs: Paragraph[];
  quotes: QuoteSpan[];
  tokens: Token[];
  sentences: Sentence[];
  /** For each paragraph: does it open with a quote mark (continuing a quotation)? */
  opensWithQuote: boolean[];
  /** For each paragraph: is it a subheading ("A Divisive Legacy.") rather than prose? */
  isHeading: boolean[];
  /** The language pack every later stage reads words and conventions from. */
  language: LanguagePack;
}

const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Analyses the body. Work is capped: only the first `analysisLimit`
 * characters are tokenised, so a multi-megabyte input costs bounded time; the
 * body itself is kept whole.
 */
export function analyseText(
  paragraphTexts: readonly string[],
  language: LanguagePack,
  analysisLimit = Number.POSITIVE_INFINITY,
): ArticleText {
  const marks = language.quoteMarks;
  const body = paragraphTexts.join(PARAGRAPH_SEPARATOR);
  const paragraphs: Paragraph[] = [];
  const quotes: QuoteSpan[] = [];
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const opens: boolean[] = [];
  const headings: boolean[] = [];
  let offset = 0;
  // A house style that marks quotations otherwise (single marks) is decided once, for the whole article.
  const style = QUOTE_MARK_STYLES.find((candidate) => candidate.usedBy(paragraphTexts, marks)) ?? null;
  paragraphTexts.forEach((fullText, index) => {
    const budget = Math.max(0, analysisLimit - offset);
    const text = fullText.length > budget ? cutAtSpace(fullText, budget) : fullText;
    const single = style ? style.spans(text, offset, index, marks) : [];
    // In a single-mark house style, double marks are quotes within quotes; a paragraph with none in single marks may still use double.
    const spans = single.length > 0 ? single : findQuoteSpans(text, offset, index, marks);
    const paragraphTokens = tokenize(text, offset, index);
    markQuotedTokens(paragraphTokens, spans, quotes.length);
    const firstToken = tokens.length;
    splitSentences(paragraphTokens, spans, quotes.length, index, firstToken, sentences, language.abbreviations);
    for (const t of paragraphTokens) tokens.push(t);
    paragraphs.push({ start: offset, end: offset + fullText.length, firstToken, endToken: tokens.length });
    for (const s of spans) quotes.push(s);
    opens.push(opensWithQuote(text, marks) || (!!style && style.opensWithQuote(text, marks)));
    headings.push(looksLikeHeading(text));
    offset += fullText.length + PARAGRAPH_SEPARATOR.length;
  });
  return { body, paragraphs, quotes, tokens, sentences, opensWithQuote: opens, isHeading: headings, language };
}

/** A short line with every significant word capitalised: a subheading. */
function looksLikeHeading(text: string): boolean {
  // "– Daniel Ashworth, in the Commons" signs the quotation above it.
  if (/^[–—―-]/.test(text)) return false;
  // Stripping marks below removes at most the first and the last word: past ten words, no heading.
  if (hasMoreWordsThan(text, 10)) return false;
  const words = text
    .replace(/^['"“‘]+|['"”’.:!?]+$/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  const significant = words.filter((w) => w.length >= 4);
  return significant.length > 0 && significant.every((w) => /^[\p{Lu}\p{N}'"“‘]/u.test(w));
}

/** Counts words only as far as needed: paragraphs are long, the question is whether they are short. */
function hasMoreWordsThan(text: string, limit: number): boolean {
  const word = /\S+/g;
  for (let n = 0; n <= limit; n++) if (!word.exec(text)) return false;
  return true;
}

function cutAtSpace(text: string, budget: number): string {
  if (budget <= 0) return '';
  const cut = text.lastIndexOf(' ', budget);
  return text.slice(0, cut > 0 ? cut : budget);
}

function markQuotedTokens(tokens: Token[], spans: QuoteSpan[], firstSpanIndex: number): void {
  let s = 0;
  for (const t of tokens) {
    while (s < spans.length && (spans[s]?.textEnd ?? 0) <= t.start) s++;
    const span = spans[s];
    if (span && t.start >= span.textStart && t.end <= span.textEnd) t.quote = firstSpanIndex + s;
  }
}

const TERMINAL = new Set(['.', '?', '!', '…']);
const MAX_SENTENCE_TOKENS = 250;
const CLOSERS = new Set(['"', '\u201D', '\u2019', "'", ')', ']', '\u00BB']);
const OPENERS = new Set(['"', '\u201C', '\u201E', "'", '\u2018', '(', '\u00AB']);

/**
 * Sentence boundaries after terminal punctuation, never inside a quotation:
 * a quotation of three sentences stays within the sentence that carries its
 * attribution. Abbreviations ("Mr.", "Sept.", initials) do not end sentences.
 */
function splitSentences(
  tokens: Token[],
  spans: QuoteSpan[],
  firstSpanIndex: number,
  paragraph: number,
  globalFirst: number,
  out: Sentence[],
  abbreviations: Abbreviations,
): void {
  const closingMarkOffsets = new Set<number>();
  for (const s of spans) if (!s.unclosed) for (let o = s.textEnd; o < s.closeEnd; o++) closingMarkOffsets.add(o);
  const spanOf = (t: Token) => (t.quote >= 0 ? spans[t.quote - firstSpanIndex] : undefined);
  let sentenceStart = 0;
  let k = 0;
  const close = (endExclusive: number) => {
    if (endExclusive <= sentenceStart) return;
    const id = out.length;
    for (let i = sentenceStart; i < endExclusive; i++) {
      const t = tokens[i];
      if (t) t.sentence = id;
    }
    out.push({ paragraph, firstToken: globalFirst + sentenceStart, endToken: globalFirst + endExclusive });
    sentenceStart = endExclusive;
  };
  while (k < tokens.length) {
    const t = tokens[k];
    // Real sentences are short; a run-on "sentence" of hundreds of tokens is cut so per-sentence scans stay bounded.
    if (k - sentenceStart >= MAX_SENTENCE_TOKENS) {
      close(k);
      continue;
    }
    if (t && endsSentenceHere(tokens, k, spanOf, abbreviations)) {
      let after = k + 1;
      while (after < tokens.length && isClosingMark(tokens[after], closingMarkOffsets)) after++;
      const next = tokens[after];
      if (!next || next.cap || /^\p{N}/u.test(next.text) || OPENERS.has(next.text) || next.text === '—') {
        close(after);
        k = after;
        continue;
      }
    }
    k++;
  }
  close(tokens.length);
}

type Abbreviations = LanguagePack['abbreviations'];

function endsSentenceHere(
  tokens: Token[],
  k: number,
  spanOf: (t: Token) => QuoteSpan | undefined,
  abbreviations: Abbreviations,
): boolean {
  const t = tokens[k];
  if (!t) return false;
  const dottedAcronym = t.isWord && t.text.endsWith('.') && t.text.length > 2;
  if (!TERMINAL.has(t.text) && !dottedAcronym) return false;
  // Inside a quotation only its final punctuation may end the sentence.
  const span = spanOf(t);
  if (span && t.end !== span.textEnd) return false;
  if (dottedAcronym) return nextWordOpensSentence(tokens, k, abbreviations);
  if (t.text !== '.') return true;
  const prev = tokens[k - 1];
  if (!prev?.isWord || prev.end !== t.start) return true;
  if (abbreviations.nonFinal.has(prev.lower)) return false;
  if (/^\p{Lu}$/u.test(prev.text)) return false; // an initial: "John D. Podesta"
  if (abbreviations.ambiguous.has(prev.lower)) return nextWordOpensSentence(tokens, k, abbreviations);
  return true;
}

function nextWordOpensSentence(tokens: Token[], k: number, abbreviations: Abbreviations): boolean {
  for (let i = k + 1; i < tokens.length && i <= k + 3; i++) {
    const t = tokens[i];
    if (!t) break;
    if (t.isWord) return abbreviations.sentenceOpeners.has(t.lower);
    if (OPENERS.has(t.text) && t.text !== '(') return true;
  }
  return k + 1 >= tokens.length;
}

function isClosingMark(t: Token | undefined, closingMarkOffsets: ReadonlySet<number>): boolean {
  if (!t || !CLOSERS.has(t.text)) return false;
  return t.text === ')' || t.text === ']' || closingMarkOffsets.has(t.start);
}

/** Tokens of a sentence, as a slice of the global array. */
export function sentenceTokens(doc: ArticleText, sentence: number): Token[] {
  const s = doc.sentences[sentence];
  return s ? doc.tokens.slice(s.firstToken, s.endToken) : [];
}
