// Closed-class English words the stages read clause structure from.

export const PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'thing' | 'self'> = new Map([
  ['he', 'male'], ['she', 'female'], ['they', 'plural'], ['it', 'thing'], ['we', 'plural'], ['i', 'self'],
]);

export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'one',
  'another', 'some', 'several', 'many', 'most', 'two', 'three', 'four', 'five', 'other', 'each', 'every', 'no',
  'both', 'all', 'few', 'any',
]);

export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'about', 'against', 'into', 'onto', 'over', 'under',
  'after', 'before', 'during', 'since', 'than', 'between', 'among', 'through', 'toward', 'towards', 'without',
  'within', 'via', 'per', 'upon', 'like', 'behind', 'beyond', 'despite', 'amid', 'around', 'near', 'across',
]);

export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'but', 'that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'while', 'because', 'if',
  'although', 'though', 'as', 'so', 'yet', 'nor', 'whether', 'since', 'unless', 'until', 'once', 'then',
  'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could',
  'should', 'may', 'might', 'must', 'do', 'does', 'did', 'not', 'to',
]);
