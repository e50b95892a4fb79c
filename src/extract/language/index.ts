// Choosing the language pack for an article from the language it declares.

import { english } from './en/index.ts';
import type { LanguagePack } from './pack.ts';

export type { LanguagePack, QuoteMarkConvention } from './pack.ts';

const PACKS: ReadonlyMap<string, LanguagePack> = new Map([[english.code, english]]);

export interface LanguageChoice {
  pack: LanguagePack;
  /** The tag the article declared ("en-gb", "fr"), or null when it declared none. */
  declared: string | null;
  /** True when no pack exists for the declared language and English was used instead. */
  fellBack: boolean;
}

/** "en-GB" → the English pack; an unknown or missing tag → English, with the fallback recorded. */
export function chooseLanguagePack(tag: string | null | undefined): LanguageChoice {
  const declared = tag?.trim().toLowerCase() || null;
  const primary = declared?.split(/[-_]/)[0] ?? '';
  const pack = PACKS.get(primary);
  if (pack) return { pack, declared, fellBack: false };
  return { pack: english, declared, fellBack: declared !== null };
}
