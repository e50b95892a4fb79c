// Case- and accent-insensitive lookup of people and organizations by name or alias.
// The keys are computed here, in one place, both when storing an entity and when querying,
// so PGlite and PostgreSQL behave identically without depending on the unaccent extension.

/** "Barack Obama", "BARACK  OBAMA", "Barack Obamá" → "barack obama". */
export function lookupKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct lookup keys of a canonical name and its aliases. */
export function lookupKeys(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(lookupKey).filter((key) => key.length > 0))];
}

/** One text column over all keys, for trigram (substring and fuzzy) search. */
export function lookupText(keys: readonly string[]): string {
  return keys.join(' | ');
}

/** The stored lookup columns for an entity with this name and these aliases. */
export function lookupColumns(name: string, aliases: readonly string[]) {
  const keys = lookupKeys(name, aliases);
  return { lookupKeys: keys, lookupText: lookupText(keys) };
}

/** URL-safe slug: "Koh Yu-hwan" → "koh-yu-hwan". */
export function slugify(text: string, maxLength = 80): string {
  const slug = lookupKey(text).replace(/ /g, '-').slice(0, maxLength).replace(/-+$/, '');
  return slug || 'untitled';
}
