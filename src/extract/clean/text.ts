// Cleaning plain text: drop site furniture and related-link lines, find the
// header (title, dek, caption), and return body paragraphs one per line.

import type { ExtractedRelatedLink } from '../types.ts';
import { type CleanedArticle, collapseSpaces } from './article.ts';
import { announcesSummary, isFurnitureLine } from './furniture.ts';
import {
  couldBeTitle,
  endsLikeSentence,
  hasCaptionMarker,
  looksLikeNameCaption,
  stripTitlePunctuation,
  wordCount,
} from './header.ts';
import { startsWithDateline } from '../styles/index.ts';
import { parseRelatedLine } from './related.ts';

interface Line {
  text: string;
  /** Index of the blank-line-separated block the line belongs to. */
  block: number;
  /** The previous kept line was a summary label ("ABSTRACT."). */
  afterSummaryLabel: boolean;
}

export function cleanPlainText(normalised: string): CleanedArticle {
  const relatedLinks: ExtractedRelatedLink[] = [];
  const lines = joinWrappedLines(keepArticleLines(stripEmbeddedMarkup(normalised), relatedLinks));
  const { title, dek, imageCaption, bodyStart } = readHeader(lines);
  const captionHolder = { caption: imageCaption };
  const bodyLines = lines.slice(bodyStart).filter((line) => !takeCaption(line, captionHolder));
  return {
    title,
    dek,
    imageCaption: captionHolder.caption,
    paragraphs: bodyLines.map((line) => line.text),
    relatedLinks,
  };
}

/** Embedded widgets left as tags in scraped text (<tweet …>, <a href=…>): keep their words, drop the tags. */
export function stripEmbeddedMarkup(text: string): string {
  return text.replace(/<\/?[A-Za-z][\w:-]{0,30}(?:\s[^<>]{0,800})?\/?>/g, ' ');
}

function keepArticleLines(text: string, relatedLinks: ExtractedRelatedLink[]): Line[] {
  const kept: Line[] = [];
  let block = 0;
  let pendingSummary = false;
  for (const raw of text.split('\n')) {
    const line = collapseSpaces(raw);
    if (line.length === 0) {
      block++;
      continue;
    }
    if (announcesSummary(line)) {
      pendingSummary = true;
      block++;
      continue;
    }
    if (isFurnitureLine(line)) {
      block++;
      continue;
    }
    // A caption is no link; the lead-in test is the cheaper of the two, so it goes first.
    const related = parseRelatedLine(line);
    if (related && !hasCaptionMarker(line)) {
      relatedLinks.push(related);
      block++;
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(line)) continue; // rules, bullets, decoration
    kept.push({ text: line, block, afterSummaryLabel: pendingSummary });
    pendingSummary = false;
  }
  return kept;
}

interface Header {
  title: string | null;
  dek: string | null;
  imageCaption: string | null;
  bodyStart: number;
}

/**
 * The first line is the headline when it is short and more text follows.
 * Lines right after it that do not read as sentences (or that sit in the
 * headline's own block, or follow an "ABSTRACT." label) are the dek and the
 * caption.
 */
function readHeader(lines: Line[]): Header {
  const header: Header = { title: null, dek: null, imageCaption: null, bodyStart: 0 };
  // "Politics | The Northshire Courier" above the headline is the site's furniture.
  const skip =
    isSectionLine(lines[0]?.text ?? '') && couldBeTitle(lines[1]?.text ?? '') && !endsLikeSentence(lines[1]?.text ?? '')
      ? 1
      : 0;
  const first = lines[skip];
  // "09:02 | Good morning …" is a live blog's first entry, not its headline.
  if (
    !first ||
    lines.length < skip + 2 ||
    !couldBeTitle(first.text) ||
    isTimestampedEntry(first.text) ||
    startsWithDateline(first.text)
  )
    return header;
  header.title = stripTitlePunctuation(first.text);
  let i = skip + 1;
  header.bodyStart = i;
  while (i < lines.length && i <= skip + 4) {
    const line = lines[i];
    if (!line) break;
    // A dateline or a quotation starts the story, whatever block it sits in.
    if (opensStory(line.text)) break;
    const sameBlockAsTitle = line.block === first.block;
    const headerShaped =
      !endsLikeSentence(line.text) &&
      wordCount(line.text) <= 45 &&
      i + 1 < lines.length &&
      !startsWithDateline(line.text) &&
      !/["“”]/.test(line.text) &&
      !/:$/.test(line.text);
    if (!(sameBlockAsTitle || line.afterSummaryLabel || headerShaped || standsBeforeDateline(lines, i))) break;
    if (
      header.imageCaption === null &&
      !line.afterSummaryLabel &&
      (hasCaptionMarker(line.text) || looksLikeNameCaption(line.text))
    ) {
      header.imageCaption = line.text;
    } else if (header.dek === null) {
      header.dek = stripTitlePunctuation(line.text);
    } else {
      break;
    }
    i++;
  }
  header.bodyStart = i;
  return header;
}

/**
 * A sentence between the headline and a paragraph that opens with a dateline
 * is the dek, even though it reads as a sentence: the story proper starts at
 * the dateline.
 */
function standsBeforeDateline(lines: Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  if (!line || !next || i !== 1 || !startsWithDateline(next.text) || startsWithDateline(line.text)) return false;
  return wordCount(line.text) <= 60 && !/["“”]/.test(line.text);
}

/**
 * A paragraph that opens the story: a dateline, or one holding a quotation of a
 * few words (in double or single marks); a dek may still put one word in marks ("had been 'shelved'").
 */
function opensStory(line: string): boolean {
  if (startsWithDateline(line)) return true;
  // A header line is short; a megabyte-long first paragraph is looked at only so far.
  for (const m of line.slice(0, 2000).matchAll(QUOTED_STRETCH))
    if (wordCount(m[2] ?? m[3] ?? '') >= MIN_QUOTED_WORDS) return true;
  return false;
}

const QUOTED_STRETCH = /(^|[\s(—–-])(?:[“"«]([^”"»]{1,400})[”"»]|[‘']([^’']{1,400}?)[’'](?=[\s,.;:!?)—–-]|$))/gu;
const MIN_QUOTED_WORDS = 4;

/** "09:02 | …", "10.15am – …": a live blog's timestamped entry. */
function isTimestampedEntry(line: string): boolean {
  return /^\d{1,2}[:.]\d{2}\s*(am|pm|gmt|bst|utc|ist)?\s*[|–—-]\s/i.test(line);
}

/** "Politics | The Northshire Courier": a short line divided by bars, with no sentence in it. */
function isSectionLine(line: string): boolean {
  return /\s\|\s/.test(line) && !endsLikeSentence(line) && wordCount(line) <= 10 && !isTimestampedEntry(line);
}

/** Caption lines inside the body (photo credits) become the caption, or are dropped if one is known. */
function takeCaption(line: Line, holder: { caption: string | null }): boolean {
  if (!hasCaptionMarker(line.text)) return false;
  if (holder.caption === null) holder.caption = line.text;
  return true;
}

/**
 * A block whose lines are all of similar width and mostly stop mid-sentence
 * was hard-wrapped: join it into one paragraph. Otherwise every line is its
 * own paragraph (scraped pages put one paragraph per line).
 */
function joinWrappedLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i + 1;
    while (j < lines.length && lines[j]?.block === lines[i]?.block) j++;
    const block = lines.slice(i, j);
    const first = block[0];
    if (first && isHardWrapped(block.map((l) => l.text)))
      out.push({ ...first, text: block.map((l) => l.text).join(' ') });
    else for (const line of block) out.push(line);
    i = j;
  }
  return out;
}

function isHardWrapped(block: string[]): boolean {
  if (block.length < 2) return false;
  const inner = block.slice(0, -1);
  if (!inner.every((l) => l.length >= 35 && l.length <= 110)) return false;
  // A wrapped line break falls mid-sentence: the next line goes on in lower case, or this one stops on a comma or a small word.
  const continuations = inner.filter((line, i) => {
    const next = block[i + 1] ?? '';
    return /^[\p{Ll}\d(]/u.test(next) || /(,|-|\b(a|an|the|of|to|in|on|and|or|for|with|at|by|from))$/i.test(line);
  }).length;
  return continuations >= Math.ceil(inner.length * 0.6);
}
