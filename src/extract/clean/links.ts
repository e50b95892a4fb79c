// Link targets a reader may follow. Pages carry javascript:, data:, vbscript: and
// file: links (and the same words hidden behind case, spaces, tabs and
// character references); none of them may reach the graph as a URL.

/** Stands in for the page's address when a relative link has no base: never part of a result. */
const PLACEHOLDER_BASE = 'https://placeholder.invalid/';

/**
 * The absolute http(s) URL a link points to, or null. WHATWG URL parsing does
 * what browsers do with an href (strips surrounding spaces and control
 * characters, drops tabs and newlines inside, lower-cases the scheme), so the
 * scheme tested is the one a browser would follow. A relative link without a
 * base stays relative, as written, if it resolves to http(s).
 */
export function webUrl(href: string, base?: string): string | null {
  let resolved: URL;
  try {
    resolved = new URL(href, base && isWebUrl(base) ? base : PLACEHOLDER_BASE);
  } catch {
    return null;
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
  if (resolved.href.startsWith(PLACEHOLDER_BASE) || resolved.hostname === 'placeholder.invalid') {
    return relativeAsWritten(href);
  }
  return resolved.href;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** "/news/x" stays "/news/x"; whitespace and control characters a browser would drop are dropped. */
function relativeAsWritten(href: string): string | null {
  const cleaned = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  return cleaned.length > 0 ? cleaned : null;
}
