// Words written with a full stop that does not end a sentence.

/** Always followed by more of the same sentence. */
export const NON_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'govs', 'gen', 'lt', 'col', 'maj',
  'sgt', 'capt', 'cmdr', 'adm', 'rev', 'fr', 'st', 'ste', 'mt', 'ft', 'pres', 'supt', 'atty', 'gov', 'amb',
  'vs', 'v', 'no', 'nos', 'vol', 'ch', 'fig', 'approx', 'est', 'dept', 'univ', 'assn', 'sec', 'ave', 'blvd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'calif', 'conn', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo',
  'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wisc', 'wyo', 'ariz',
  'ark', 'colo', 'del', 'ala', 'e.g', 'i.e', 'etc',
]);

/** May end a sentence or not ("Inc.", "Jr.", "U.S."): decided by the next word. */
export const AMBIGUOUS_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'inc', 'corp', 'co', 'ltd', 'llc', 'jr', 'sr', 'bros', 'plc', 'etc', 'al',
]);

/** Capitalised words that typically open a new sentence. */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'or', 'so', 'yet', 'in', 'on',
  'at', 'for', 'if', 'when', 'while', 'after', 'before', 'as', 'this', 'that', 'these', 'those', 'there',
  'his', 'her', 'their', 'its', 'our', 'my', 'some', 'many', 'most', 'still', 'now', 'then', 'however',
  'meanwhile', 'also', 'even', 'what', 'who', 'why', 'how', 'since', 'although', 'though', 'with', 'by',
  'from', 'to', 'asked', 'according',
]);
