// Bytes to text. Saved pages and text files come in UTF-8, UTF-16 (with a byte
// order mark), Windows-1252 or Latin-1; reading them all as UTF-8 turned "Jürgen
// Müller" into "Jrgen Mller", dropped curly quotes (so direct quotes read as
// indirect) and refused UTF-16 as binary. The charset is taken, in this order,
// from a byte order mark, from what the caller was told (an HTTP Content-Type),
// from the page's own <meta charset> or http-equiv, from the bytes being valid
// UTF-8, and last from chardet's statistical guess. iconv-lite does the decoding.

import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The charset used, as iconv-lite names it: "utf8", "utf-16le", "windows-1252"… */
  charset: string;
  /** Where the charset came from. */
  source: 'bom' | 'declared' | 'meta' | 'utf8' | 'detected';
}

/** How much of a page is searched for <meta charset>: the HTML standard's prescan looks at 1,024 bytes; pages put it later. */
const META_SCAN_BYTES = 4096;

export function decodeBytes(bytes: Uint8Array, declared?: string | null): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = byteOrderMark(buffer);
  if (bom) return { text: iconv.decode(buffer.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };
  const fromCaller = usableCharset(charsetOfContentType(declared ?? null));
  if (fromCaller) return { text: iconv.decode(buffer, fromCaller), charset: fromCaller, source: 'declared' };
  const fromMeta = usableCharset(metaCharset(buffer.subarray(0, META_SCAN_BYTES).toString('latin1')));
  if (fromMeta && fromMeta !== 'utf8')
    return { text: iconv.decode(buffer, fromMeta), charset: fromMeta, source: 'meta' };
  if (isValidUtf8(buffer))
    return { text: buffer.toString('utf8'), charset: 'utf8', source: fromMeta ? 'meta' : 'utf8' };
  const guessed = usableCharset(chardet.detect(buffer)) ?? 'windows-1252';
  // Latin-1 as guessed is read as Windows-1252, its superset in practice (curly quotes live in 0x80-0x9F).
  const charset = guessed === 'iso-8859-1' || guessed === 'latin1' ? 'windows-1252' : guessed;
  return { text: iconv.decode(buffer, charset), charset, source: 'detected' };
}

/**
 * HTML handed over as a string whose characters are all bytes (a client that read
 * the page as Latin-1, the usual "binary string"), on a page that declares another
 * charset: decoded again as declared. Text with any character above U+00FF was
 * decoded properly already and is returned as is.
 */
export function redecodeByteString(html: string): string {
  if (!/[\u0080-\u00FF]/.test(html) || /[^\u0000-\u00FF]/.test(html)) return html;
  const bytes = Buffer.from(html, 'latin1');
  const declared = usableCharset(metaCharset(html.slice(0, META_SCAN_BYTES)));
  if (declared && declared !== 'utf8') return iconv.decode(bytes, declared);
  // Bytes that are valid UTF-8 with multi-byte sequences in them ("JÃ¼rgen") were UTF-8 all along.
  return isValidUtf8(bytes) ? bytes.toString('utf8') : html;
}

function byteOrderMark(buffer: Buffer): { charset: string; length: number } | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { charset: 'utf8', length: 3 };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

function charsetOfContentType(value: string | null): string | null {
  if (!value) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(value);
  return m?.[1] ?? (/^[\w.:-]+$/.test(value.trim()) ? value.trim() : null);
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`, read from bytes as Latin-1. */
function metaCharset(head: string): string | null {
  const direct = /<meta\s[^>]{0,200}?charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct?.[1] ?? null;
}

/** The charset as iconv-lite knows it, or null for names it does not know. */
function usableCharset(name: string | null): string | null {
  if (!name) return null;
  const lower = name.toLowerCase();
  if (lower === 'utf-8' || lower === 'utf8') return 'utf8';
  // The web treats a page labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding).
  if (['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'l1', 'cp819'].includes(lower)) return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : null;
}

function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}
