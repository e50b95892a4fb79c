/**
 * Rows per multi-row insert: far below PostgreSQL's 65,535 parameters per statement (quotes take
 * 11 a row), and small enough that building one statement stays cheap.
 */
export const ROWS_PER_INSERT = 500;

/** `rows` in slices of `size`, each handed to `write` in turn; the results, in order. */
export async function inBatches<Row, Result>(
  rows: readonly Row[],
  write: (batch: Row[]) => Promise<Result[]>,
  size = ROWS_PER_INSERT,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < rows.length; start += size) {
    for (const result of await write(rows.slice(start, start + size))) results.push(result);
  }
  return results;
}
