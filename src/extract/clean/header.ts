// The header of a plain-text article: headline, dek (standfirst) and image
// caption, recognised by their shape and position rather than by markup.

/** Sentences end in punctuation; headlines, decks and captions usually do not. */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…]["”’')\]]*$/.test(line.trim());
}

export function wordCount(line: string): number {
  const trimmed = line.trim();
  return trimmed.length === 0 ? 0 : trimmed.split(/\s+/).length;
}

/** A headline is a single short line. */
export function couldBeTitle(line: string): boolean {
  const words = wordCount(line);
  return words >= 2 && words <= 30 && line.length <= 220;
}

/** Photo credits and caption markers mark a line as an image caption wherever it sits. */
const CAPTION_MARKERS =
  /^(photo|image|picture|pictured|caption|credit|above|top|left|right|file photo)\s*:|\((photo|image|photograph|file photo)\b[^)]{0,80}\)\s*$|\b(getty images|ap photo|afp photo|reuters|shutterstock|photo credit|photo by)\b[^.]{0,40}$/i;

export function hasCaptionMarker(line: string): boolean {
  return line.length <= 300 && CAPTION_MARKERS.test(line.trim());
}

/**
 * A caption without a marker is typically a list of names or a noun phrase:
 * few words, nearly all capitalised, no sentence punctuation.
 */
export function looksLikeNameCaption(line: string): boolean {
  const trimmed = line.trim();
  if (endsLikeSentence(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 12) return false;
  const connectors = /^(and|&|with|of|the|at|in|on|de|van|von|la|le|y|—|–|-|,)$/i;
  const capitalised = words.filter((w) => /^[\p{Lu}"“(]/u.test(w)).length;
  const others = words.filter((w) => !/^[\p{Lu}"“(]/u.test(w) && !connectors.test(w)).length;
  return others === 0 && capitalised >= 2;
}

export function stripTitlePunctuation(title: string): string {
  return title
    .trim()
    .replace(/\s*[;|]\s*$/, '')
    .trim();
}
