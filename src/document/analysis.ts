// What the server works out about an operation document, kept with the document: Yoga hands the
// same parsed DocumentNode to every request that sends the same text, so each facet (its cost
// inputs, its printed text, its compiled plan) is worked out once per text, by whichever plugin
// first needs it, and then read by the others from the same place.
import { print, type DocumentNode } from 'graphql';

/** One thing known about a document, and how to work it out. */
export interface Facet<T> {
  readonly name: string;
  compute(document: DocumentNode): T;
}

const analyses = new WeakMap<DocumentNode, Map<Facet<unknown>, unknown>>();

/** The facet of this document, worked out on first use. */
export function facetOf<T>(document: DocumentNode, facet: Facet<T>): T {
  let analysis = analyses.get(document);
  if (!analysis) analyses.set(document, (analysis = new Map()));
  if (analysis.has(facet)) return analysis.get(facet) as T;
  const value = facet.compute(document);
  analysis.set(facet, value);
  return value;
}

/** A facet that is a table filled as requests come (say, per operation name or variable sizes). */
export function memoFacet<V>(name: string): Facet<Map<string, V>> {
  return { name, compute: () => new Map<string, V>() };
}

/** The document as text: a cache key for a request whose own text is not at hand. */
export const printedText: Facet<string> = { name: 'printed text', compute: print };
