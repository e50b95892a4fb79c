// A linear way through HTML for pages a DOM would choke on (thousands of
// unclosed tags nesting ever deeper, or many megabytes): block tags become
// paragraph breaks, other tags vanish, entities are decoded, and the result
// is cleaned as plain text.

const DOM_MAX_CHARS = 2_000_000;
const DOM_MAX_DEPTH = 400;
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const BLOCK_TAGS = /^(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|pre|dd|dt|hr|main|aside|nav)$/i;

/** Would building a DOM for this page risk deep recursion or long run times? */
export function tooHostileForDom(html: string): boolean {
  if (html.length > DOM_MAX_CHARS) return true;
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]{0,30})[^<>]{0,2000}?(\/?)>/g)) {
    const name = (m[2] ?? '').toLowerCase();
    if (VOID_TAGS.has(name) || m[3] === '/') continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth > DOM_MAX_DEPTH) return true;
    if (depth < 0) depth = 0;
  }
  return false;
}

export function htmlToText(html: string): string {
  return decodeEntities(
    removeElements(html, ['script', 'style', 'noscript', 'template'])
      .replace(/<!--[\s\S]{0,100000}?-->/g, ' ')
      .replace(/<\/?([a-zA-Z][\w-]{0,30})[^<>]{0,2000}>/g, (_tag, name: string) => (BLOCK_TAGS.test(name) ? '\n\n' : ' ')),
  );
}

/** Drops whole elements such as <script>…</script> by scanning with indexOf, never a backtracking pattern. */
function removeElements(html: string, names: string[]): string {
  let out = html;
  for (const name of names) {
    const lower = out.toLowerCase();
    const parts: string[] = [];
    let at = 0;
    for (;;) {
      const open = lower.indexOf(`<${name}`, at);
      if (open < 0) break;
      const close = lower.indexOf(`</${name}`, open);
      const end = close < 0 ? out.length : lower.indexOf('>', close) + 1 || out.length;
      parts.push(out.slice(at, open));
      at = end;
    }
    parts.push(out.slice(at));
    out = parts.join(' ');
  }
  return out;
}

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', ' '], ['ldquo', '\u201C'],
  ['rdquo', '\u201D'], ['lsquo', '\u2018'], ['rsquo', '\u2019'], ['mdash', '\u2014'], ['ndash', '\u2013'], ['hellip', '\u2026'],
]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
    }
    return NAMED_ENTITIES.get(code.toLowerCase()) ?? whole;
  });
}
