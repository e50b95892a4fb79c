// The public face of extraction: one function, one error class, the contract types.

export { extractArticle, MAX_ANALYSED_CHARS } from './pipeline.ts';
export { looksLikeHtml } from './clean/html.ts';
export { decodeBytes, type DecodedText } from './decode.ts';
export { ExtractError, isExtractError, type ExtractErrorCode } from './errors.ts';
export type * from './types.ts';
