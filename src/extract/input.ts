// Guarding the door: decide whether an input is worth reading at all, and
// normalise characters so later stages can rely on one spelling of spaces and
// line breaks.

import { ExtractError } from './errors.ts';
import type { ExtractInput } from './types.ts';

/** Beyond this we refuse outright: nobody publishes a 20-million-character article. */
export const MAX_INPUT_CHARS = 20_000_000;

export type RawDocument = { format: 'text'; text: string } | { format: 'html'; html: string; url?: string };

export function chooseRawDocument(input: ExtractInput): RawDocument {
  const html = typeof input.html === 'string' ? input.html : '';
  const text = typeof input.text === 'string' ? input.text : '';
  if (html.trim().length > 0) {
    rejectUnreadable(html);
    return input.url === undefined ? { format: 'html', html } : { format: 'html', html, url: input.url };
  }
  if (text.trim().length > 0) {
    rejectUnreadable(text);
    return { format: 'text', text };
  }
  throw new ExtractError('EMPTY_INPUT', 'Nothing to extract: the input has no text or HTML.');
}

function rejectUnreadable(raw: string): void {
  if (raw.length > MAX_INPUT_CHARS) {
    throw new ExtractError(
      'INPUT_TOO_LARGE',
      `Input is ${raw.length} characters; the extractor reads at most ${MAX_INPUT_CHARS}.`,
    );
  }
  if (looksBinary(raw)) {
    throw new ExtractError('BINARY_INPUT', 'Input looks like binary data, not article text.');
  }
}

/**
 * Text never contains NUL, and rarely more than a sprinkling of other control
 * characters or U+FFFD (what a decoder leaves behind for invalid bytes).
 * Sampling keeps this cheap on huge inputs.
 */
export function looksBinary(raw: string): boolean {
  const sample = raw.length > 65_536 ? raw.slice(0, 32_768) + raw.slice(-32_768) : raw;
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) {
      suspicious++;
    }
  }
  return suspicious > 16 && suspicious / sample.length > 0.02;
}

/**
 * One spelling for whitespace: "\n" line breaks, plain spaces (no-break and
 * other exotic spaces become " "), no zero-width characters or stray controls.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029\f\v]/g, '\n')
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/g, '');
}
