// Every way extraction can refuse an input, enumerated in one place so callers
// (CLI, ingest, GraphQL) can map codes to messages and status codes.

export type ExtractErrorCode =
  /** Neither text nor html was given, or it holds nothing but whitespace. */
  | 'EMPTY_INPUT'
  /** The input looks like binary data (NUL bytes, mostly control characters). */
  | 'BINARY_INPUT'
  /** The input is larger than the extractor is willing to read. */
  | 'INPUT_TOO_LARGE'
  /** HTML (or text) was readable but held no article text. */
  | 'NO_ARTICLE_CONTENT'
  /** The HTML could not be parsed at all. */
  | 'HTML_PARSE_FAILED';

export class ExtractError extends Error {
  readonly code: ExtractErrorCode;

  constructor(code: ExtractErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractError';
    this.code = code;
  }
}

export function isExtractError(value: unknown): value is ExtractError {
  return value instanceof ExtractError;
}
