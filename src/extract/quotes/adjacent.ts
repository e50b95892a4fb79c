// Attribution without a speech verb: the speaker stands next to the words.
//   transcript turns   Q: … / A: … (A is the person the introduction is about), VOSS: …
//   a dash line        a paragraph (quoted or not) closed by "– Daniel Ashworth, in the Commons"
//   "…" — Name         a quotation followed by a dash and a name, nothing else
//   introduced         "Flood warden Ines Okafor has lived here for years." then a paragraph in quote marks
// None of these says that anyone spoke, so they are trusted less than a "said".
// Returns a new list of quotations; the ones it found speakers for are copies.

import type { Entity, PersonEntity } from '../entities/entity-types.ts';
import type { ResolvedEntities } from '../entities/resolve.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { QuoteSpan } from '../text/quote-marks.ts';
import type { FoundQuote } from './found.ts';
import { nameOnly } from './explicit.ts';
import { firstTokenAtOrAfter } from './locate.ts';
import { firstSubject } from './speaker-phrase.ts';

/** "Q:", "A:", "VOSS:", "Hannah Voss:" at the start of a paragraph. */
const TURN_LABEL = /^(Q|A|\p{Lu}[\p{Lu}\p{M}'’.-]+(?: \p{Lu}[\p{Lu}\p{M}'’.-]+){0,2}|\p{Lu}[\p{L}\p{M}'’.-]+(?: \p{Lu}[\p{L}\p{M}'’.-]+){1,3})\s?:\s+/u;
/** "– Daniel Ashworth, in the Commons": a dash, then who said it. */
const DASH_LINE = /^[–—―-]{1,2}\s*\S/u;
const MAX_DASH_LINE_WORDS = 14;
const MAX_INTRODUCTION_SENTENCES = 2;

export function findSpeechWithoutVerb(index: ArticleIndex, entities: ResolvedEntities, quoted: readonly FoundQuote[]): FoundQuote[] {
  const replaced = new Map<FoundQuote, FoundQuote>();
  const added: FoundQuote[] = [];
  const byParagraph = new Map<number, FoundQuote[]>();
  for (const q of quoted) {
    const list = byParagraph.get(q.span.paragraph);
    if (list) list.push(q);
    else byParagraph.set(q.span.paragraph, [q]);
  }
  const attribute = (q: FoundQuote | null, span: QuoteSpan | null, speaker: Speaker) => {
    if (q) {
      if (!q.phrase && !replaced.has(q)) replaced.set(q, { ...q, ...speaker, pattern: 'adjacent', cue: null });
    } else if (span) {
      added.push({ span, kind: 'direct', pattern: 'adjacent', via: null, cue: null, resolved: null, sentence: sentenceOf(index, span), ...speaker });
    }
  };
  for (const turn of transcriptTurns(index, entities)) {
    const own = byParagraph.get(turn.paragraph) ?? [];
    const first = own[0];
    if (own.length === 0) attribute(null, unquotedSpan(index, turn.paragraph, turn.textStart), turn.speaker);
    else if (own.length === 1 && first && first.span.open === turn.textStart) attribute(first, null, turn.speaker);
  }
  for (const line of dashLines(index, entities)) {
    const before = byParagraph.get(line.paragraph - 1) ?? [];
    const paragraph = index.doc.paragraphs[line.paragraph - 1];
    const only = before[0];
    if (!paragraph) continue;
    if (before.length === 0 && !index.doc.isHeading[line.paragraph - 1]) attribute(null, unquotedSpan(index, line.paragraph - 1, paragraph.start), line.speaker);
    else if (before.length === 1 && only && only.span.open === paragraph.start) attribute(only, null, line.speaker);
  }
  for (const q of quoted) {
    if (q.phrase || replaced.has(q)) continue;
    const speaker = dashAfterQuotation(index, entities, q) ?? introducedBefore(index, q, byParagraph);
    if (speaker) attribute(q, null, speaker);
  }
  if (replaced.size === 0 && added.length === 0) return [...quoted];
  return [...quoted.map((q) => replaced.get(q) ?? q), ...added].sort((a, b) => a.span.open - b.span.open);
}

/** The speaker, either as words in the text to resolve or as an entity already known. */
type Speaker = Pick<FoundQuote, 'phrase' | 'adjacentSpeaker'>;

interface Turn {
  paragraph: number;
  textStart: number;
  speaker: Speaker;
}

function transcriptTurns(index: ArticleIndex, entities: ResolvedEntities): Turn[] {
  const { doc } = index;
  const labelled = doc.paragraphs.map((p, i) => ({ i, p, label: TURN_LABEL.exec(doc.body.slice(p.start, Math.min(p.end, p.start + 60))) }));
  const questions = labelled.filter((l) => l.label?.[1] === 'Q');
  const answers = labelled.filter((l) => l.label?.[1] === 'A');
  // "A:" alone is a list item or a heading; a transcript has questions and answers.
  const isInterview = questions.length > 0 && answers.length > 0;
  const firstTurn = Math.min(questions[0]?.p.start ?? Infinity, answers[0]?.p.start ?? Infinity);
  const interviewee = isInterview ? introducedPerson(index, entities, firstTurn) : null;
  const turns: Turn[] = [];
  const bySurname = new Map<string, PersonEntity[]>();
  for (const person of entities.people) {
    const list = bySurname.get(person.surname);
    if (list) list.push(person);
    else bySurname.set(person.surname, [person]);
  }
  for (const { i, p, label } of labelled) {
    if (!label || label[1] === 'Q') continue;
    const textStart = p.start + label[0].length;
    if (label[1] === 'A') {
      if (interviewee) turns.push({ paragraph: i, textStart, speaker: { phrase: null, adjacentSpeaker: { entity: interviewee, label: 'A' } } });
      continue;
    }
    const person = personNamed(bySurname, label[1] ?? '');
    if (person) turns.push({ paragraph: i, textStart, speaker: { phrase: null, adjacentSpeaker: { entity: person, label: label[1] ?? '' } } });
  }
  return turns;
}

/** The first person the text names before the interview starts: whom the introduction is about. */
function introducedPerson(index: ArticleIndex, entities: ResolvedEntities, before: number): PersonEntity | null {
  for (const m of index.mentions) {
    if (m.start >= before) break;
    if (m.inQuote) continue;
    const entity = entities.entityOf.get(m);
    if (entity?.type === 'person') return entity;
  }
  return null;
}

/** "VOSS", "Hannah Voss": one person of the article with that name or surname. */
function personNamed(bySurname: ReadonlyMap<string, PersonEntity[]>, label: string): PersonEntity | null {
  const words = label.toLowerCase().split(' ');
  const surname = words[words.length - 1] ?? '';
  const found = (bySurname.get(surname) ?? []).filter((p) => words.length === 1 || p.given === words[0]);
  return found.length === 1 ? (found[0] ?? null) : null;
}

interface DashLine {
  paragraph: number;
  speaker: Speaker;
}

function dashLines(index: ArticleIndex, entities: ResolvedEntities): DashLine[] {
  const { doc } = index;
  const out: DashLine[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (i === 0) return;
    const text = doc.body.slice(p.start, p.end);
    if (!DASH_LINE.test(text) || text.split(/\s+/).length > MAX_DASH_LINE_WORDS) return;
    const speaker = speakerAt(index, entities, firstWordToken(index, p.firstToken, p.endToken));
    if (speaker) out.push({ paragraph: i, speaker });
  });
  return out;
}

/** “Nobody will pay more at the pump.” — Daniel Ashworth */
function dashAfterQuotation(index: ArticleIndex, entities: ResolvedEntities, q: FoundQuote): Speaker | null {
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

function speakerAt(index: ArticleIndex, entities: ResolvedEntities, k: number): Speaker | null {
  const m = index.mentionStartingAt.get(k);
  if (!m || m.inQuote) return null;
  const entity: Entity | undefined = entities.entityOf.get(m);
  if (!entity) return null;
  return { phrase: nameOnly(index, m), adjacentSpeaker: undefined };
}

/**
 * A paragraph that is one quotation, right after a paragraph with no quotation
 * whose subject is a person: “Flood warden Ines Okafor has lived here for
 * forty years.” then “The water came up through the floor.”
 */
function introducedBefore(index: ArticleIndex, q: FoundQuote, byParagraph: Map<number, FoundQuote[]>): Speaker | null {
  const { doc } = index;
  const p = q.span.paragraph;
  const paragraph = doc.paragraphs[p];
  const previous = doc.paragraphs[p - 1];
  if (!paragraph || !previous || q.span.open !== paragraph.start || (byParagraph.get(p)?.length ?? 0) !== 1) return null;
  if ((byParagraph.get(p - 1)?.length ?? 0) > 0 || doc.isHeading[p - 1] || /["“”]/.test(doc.body.slice(previous.start, previous.end))) return null;
  const last = doc.tokens[previous.endToken - 1]?.sentence ?? -1;
  const sentence = doc.sentences[last];
  // An introduction is short; the last sentence of a long paragraph of narrative introduces nobody.
  if (!sentence || last - (doc.tokens[previous.firstToken]?.sentence ?? last) >= MAX_INTRODUCTION_SENTENCES) return null;
  const phrase = firstSubject(index, sentence.firstToken, sentence.endToken);
  if (!phrase || phrase.kind !== 'name' || phrase.mention?.kind !== 'person') return null;
  return { phrase, adjacentSpeaker: undefined };
}

function firstWordToken(index: ArticleIndex, from: number, end: number): number {
  let k = from;
  while (k < end && !index.doc.tokens[k]?.isWord) k++;
  return k;
}

/** The words of a paragraph from `from` to its end, as a quotation without marks. */
function unquotedSpan(index: ArticleIndex, paragraph: number, from: number): QuoteSpan | null {
  const p = index.doc.paragraphs[paragraph];
  if (!p) return null;
  const text = index.doc.body.slice(from, p.end);
  const textStart = from + (text.length - text.trimStart().length);
  const textEnd = from + text.trimEnd().length;
  if (textEnd <= textStart) return null;
  return { paragraph, open: textStart, textStart, textEnd, closeEnd: textEnd, unclosed: false };
}

function sentenceOf(index: ArticleIndex, span: QuoteSpan): number {
  const { tokens } = index.doc;
  return tokens[firstTokenAtOrAfter(tokens, span.textStart)]?.sentence ?? -1;
}
