// What a write changed, by table: returned by every write, so callers can tell clients what moved.
// (The response cache does not need it: it follows the graph's version, see src/cache/graph-version.ts.)

/** The rows a write touched, by table. */
export interface GraphChange {
  articles?: Iterable<number>;
  quotes?: Iterable<number>;
  people?: Iterable<number>;
  organizations?: Iterable<number>;
  publishers?: Iterable<number>;
  affiliations?: Iterable<number>;
  relatedLinks?: Iterable<number>;
}
