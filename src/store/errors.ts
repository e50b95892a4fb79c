// The write model's own errors. They name the input field at fault, relative to the input the
// store function was given ("url", "quotes[2].start"; "" for the input as a whole); the API turns
// them into its error codes in one place (src/graphql/errors.ts).

export type StoreErrorCode =
  /** An id that names nothing, or no longer does. */
  | 'NOT_FOUND'
  /** Input the graph cannot take: a URL another article has, a span outside the body, a cycle. */
  | 'INVALID';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly path = '',
  ) {
    super(message);
  }
}

/** The row, or NOT_FOUND naming the input field that pointed at nothing. */
export function found<T>(row: T | undefined | null, what: string, path: string): T {
  if (row == null) throw new StoreError('NOT_FOUND', `No ${what} with this id.`, path);
  return row;
}

export function invalid(message: string, path: string): StoreError {
  return new StoreError('INVALID', message, path);
}
