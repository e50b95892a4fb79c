// Reading costs time in proportion to the input, whatever the input holds. Each
// shape below once made some stage super-linear (a megabyte of "<" took 41 s and
// 1.6 GB; a surname repeated beside many full names, minutes). Every case here is
// about a megabyte, generated afresh from the shape; the test's only clock is the
// timeout below, several times what a case takes on a busy machine. How fast is
// measured by `npm run bench:extract`, as ratios.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExtractedArticle, type ExtractInput, extractArticle, isExtractError } from '../../src/extract/index.ts';
import { runs } from '../support/property.ts';
import { PATHOLOGICAL_SHAPES, type Shape } from './support/pathological.ts';

/** What any reading must give: offsets into the body, and only web links. */
function readsSoundly(input: ExtractInput): ExtractedArticle | null {
  let article: ExtractedArticle;
  try {
    article = extractArticle(input);
  } catch (error) {
    // Refusing an input is fine (no article in it); crashing is not.
    expect(isExtractError(error), String(error)).toBe(true);
    return null;
  }
  for (const q of article.quotes) expect(article.body.slice(q.start, q.end)).toBe(q.text);
  for (const link of article.relatedLinks) if (link.url !== null) expect(link.url).toMatch(/^(https?:\/\/|\/|[^:]*$)/i);
  return article;
}

function readsShape(shape: Shape): void {
  fc.assert(
    fc.property(shape.input, (input) => {
      const size = (input.text ?? input.html ?? '').length;
      expect(size).toBeGreaterThanOrEqual(1_000_000);
      readsSoundly(input);
    }),
    { numRuns: runs(1) },
  );
}

/** A case takes 0.5–6 s on two busy cores; the super-linear paths these shapes found took 17 s to minutes. */
const CASE_TIMEOUT_MS = 15_000;

describe('a megabyte of one pathological shape is read in linear time', { timeout: CASE_TIMEOUT_MS }, () => {
  it.each(PATHOLOGICAL_SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => readsShape(shape));
});
