// The public face of extraction: one function, one error class, the contract types.

export { extractArticle } from './pipeline.ts';
export { ExtractError, isExtractError, type ExtractErrorCode } from './errors.ts';
export type * from './types.ts';
