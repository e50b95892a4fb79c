// Related links: "Related: …", "READ MORE: …", "PHOTOS: …" lines that point
// readers elsewhere. They are collected as links and never left in the body.

import type { ExtractedRelatedLink, RelatedLinkKind } from '../types.ts';

const RELATED_MAX_CHARS = 220;

/** Lead-in words that turn a line into a pointer to another page. */
const LEAD_IN =
  /^(related|related (?:article|story|link|content|coverage)s?|read more|read also|also read|see also|more|more on this|don'?t miss|must read|recommended|further reading|photos?|pictures|gallery|slideshow|video|videos|watch|audio|listen|podcast)\s*[:|>»–—-]\s*(.+)$/i;

const KIND_WORDS: ReadonlyArray<[RegExp, RelatedLinkKind]> = [
  [/^(photos?|pictures|pics|gallery|slideshow|in pictures)\b/i, 'photos'],
  [/^(video|videos|watch)\b/i, 'video'],
  [/^(audio|listen|podcast)\b/i, 'audio'],
];

/**
 * Reads a line such as "Related: PHOTOS: Celebrity meltdowns" as a link.
 * The title keeps an inner kind label ("PHOTOS: …") because that is how the
 * page words it; the kind is taken from the innermost label.
 */
export function parseRelatedLine(line: string, url: string | null = null): ExtractedRelatedLink | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > RELATED_MAX_CHARS) return null;
  const match = LEAD_IN.exec(trimmed);
  if (!match) return null;
  const leadIn = match[1] ?? '';
  const rest = (match[2] ?? '').trim();
  if (!looksLikeLinkTitle(rest)) return null;
  const isGenericLeadIn =
    /^(related|related .+|read more|read also|also read|see also|more|more on this|don'?t miss|must read|recommended|further reading)$/i.test(
      leadIn,
    );
  const title = isGenericLeadIn ? rest : trimmed;
  return { title, url, kind: relatedKind(title) };
}

export function relatedKind(title: string): RelatedLinkKind {
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(title.trim())) return kind;
  return 'article';
}

/**
 * A link title is a headline, not a sentence of the article: short, no quote
 * marks opening a speech, not ending in a comma.
 */
function looksLikeLinkTitle(text: string): boolean {
  if (text.length < 3 || text.length > 180) return false;
  if (/[,;]$/.test(text)) return false;
  if (/^["“”]/.test(text)) return false;
  return text.split(/\s+/).length <= 25;
}
