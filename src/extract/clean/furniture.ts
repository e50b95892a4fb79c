// Site furniture: the words a page wraps around an article (log-in prompts,
// share buttons, section labels, tip boxes). Recognised line by line, and only
// on short lines, so a real sentence that happens to mention "subscribe" stays.

const FURNITURE_MAX_CHARS = 90;

/** Whole-line patterns, tested against the lower-cased, trimmed line. */
const FURNITURE_LINES: readonly RegExp[] = [
  /^(already have an account|don'?t have an account|need an account|have an account)\??\s*(sign in|log in)?\.?$/,
  /^(sign|log) ?(in|up|out)\b.{0,40}$/,
  /^(register|subscribe|subscribe now|subscribe today|create (a|an|your) (free )?account|forgot (your )?password\??)[.!]?$/,
  /^(advertisement|advertising|sponsored( content| links)?|promoted( content| stories)?|paid content|ad|ads by .{1,30})$/,
  // "Advertisement" and "Story continues below" run together when an ad slot's two labels are inline.
  /^(advertisement|advert|ad)?\s*(story|article|content) continues (below|after (this )?(ad|advertisement))( advertisement)?\.?$/,
  /^(advertisement|advert)\s*(skip|scroll|continue)\b.{0,40}$/,
  /^(skip (to|ad)\b.{0,30}|close|close button|menu|search|home|back to top|top|next|previous|prev|more|load more|show more)$/,
  /^(\d+\s+)?comments?( \(\d+\))?$|^(view|show|hide|leave a|add a|post a|read) comments?$/,
  /^(read more|read next|read on|continue reading|more from .{1,40}|more stories|more on this story|keep reading)$/,
  /^(recommended( for you)?|trending( now)?|most (read|popular|viewed|shared)|popular now|you (may|might) also like|editor'?s picks?|top stories|latest news|around the web|from our partners|in this article|in this story|related( articles| stories| content| coverage| posts| topics)?)[.:]?$/,
  /^(share|share this( article| story| post)?|share on \w+|tweet( this)?|email( this)?|print( this( article)?)?|pin( it)?|facebook|twitter|linkedin|whatsapp|reddit|copy link|link copied)[.!]?$/,
  /^(follow us|like us|join us)( on .{1,30})?[.!]?$/,
  /^(sign up|subscribe) (for|to) (our|the) .{0,50}(newsletter|updates|alerts)[.!]?$/,
  /^(got|have) a (news )?tip\b.*$/,
  /^we'?re all ears\b.*$/,
  /\bclose button$/,
  /^(cookie|cookies|privacy) (policy|settings|preferences)|^we use cookies\b/,
  /^(©|\(c\)|copyright\b).{0,80}$/,
  /\ball rights reserved\.?$/,
  /^(photo|image|video|graphic) (gallery|credit)s?:?$/,
  /^(click|tap) (here|to) .{0,60}$/,
  /^(updated|published|posted|last updated)( on| at)?:? .{0,40}\d.{0,40}$/,
];

/** Embedded-post residue: "— Jane Doe (@jdoe) May 3, 2016" and bare picture links. */
const EMBED_RESIDUE = /(^|\s)(—|--|-)\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}\.?$|^pic\.twitter\.com\/\w+$/i;

/** Every line EMBED_RESIDUE matches holds "(@" or opens with "pic.": most lines are ruled out without trying it. */
function mayBeEmbedResidue(line: string): boolean {
  return line.includes('(@') || /^pic\./i.test(line);
}

/** Short all-capitals section labels such as "ABSTRACT." or "FULL TEXT." */
const SECTION_LABEL = /^[A-Z][A-Z&' -]{1,40}[.:]?$/;

/** A dangling interface fragment: a few words ending on a word that cannot end a sentence. */
const TRUNCATED_FRAGMENT = /^(\S+\s+){0,5}(the|a|an|to|of|for|and|or|with|your|our|this|from|at|in|on)$/i;

/** Bylines are credits, not article text. */
const BYLINE =
  /^by\s+[A-Z][\p{L}.'’-]+(\s+[A-Z][\p{L}.'’-]+){0,3}(\s*(,|and|&)\s*[A-Z][\p{L}.'’-]+(\s+[A-Z][\p{L}.'’-]+){0,3})*(,\s*[\p{L} ]{1,40})?$/u;

export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length > 0 && trimmed.length <= 400 && mayBeEmbedResidue(trimmed) && EMBED_RESIDUE.test(trimmed))
    return true;
  if (trimmed.length === 0 || trimmed.length > FURNITURE_MAX_CHARS) return false;
  if (isSectionLabel(trimmed)) return true;
  if (TRUNCATED_FRAGMENT.test(trimmed)) return true;
  if (BYLINE.test(trimmed)) return true;
  const lower = trimmed.toLowerCase();
  return FURNITURE_LINES.some((pattern) => pattern.test(lower));
}

/** "ABSTRACT." and its kin; at most four words, so shouted headlines survive. */
export function isSectionLabel(line: string): boolean {
  const trimmed = line.trim();
  return SECTION_LABEL.test(trimmed) && trimmed.split(/\s+/).length <= 4 && /[A-Z]{3}/.test(trimmed);
}

/** Labels that announce a summary: the paragraph after them is the dek. */
export function announcesSummary(line: string): boolean {
  return /^(abstract|summary|in brief|the gist|key points?)[.:]?$/i.test(line.trim());
}
