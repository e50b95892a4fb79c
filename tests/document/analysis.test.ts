import { parse, print } from 'graphql';
import { describe, expect, test } from 'vitest';
import { facetOf, memoFacet, printedText, type Facet } from '../../src/document/analysis.ts';

function countingFacet(): Facet<number> & { calls: number } {
  const facet = {
    name: 'field count',
    calls: 0,
    compute: (document: Parameters<Facet<number>['compute']>[0]) => {
      facet.calls++;
      return print(document).split('title').length - 1;
    },
  };
  return facet;
}

describe('the analysis of a document', () => {
  test('each facet is worked out once per parsed document, and then read', () => {
    const facet = countingFacet();
    const document = parse('{ articles { nodes { title } } article(slug: "a") { title } }');
    expect(facetOf(document, facet)).toBe(2);
    expect(facetOf(document, facet)).toBe(2);
    expect(facet.calls).toBe(1);
  });

  test('the same text parsed again is a document of its own', () => {
    const facet = countingFacet();
    const text = '{ article(slug: "a") { title } }';
    facetOf(parse(text), facet);
    facetOf(parse(text), facet);
    expect(facet.calls).toBe(2);
  });

  test('facets of one document do not see each other; a memo is shared by every reader of that document', () => {
    const document = parse('query Q($first: Int) { articles(first: $first) { totalCount } }');
    const plans = memoFacet<string>('plans');
    const costs = memoFacet<number>('costs');
    facetOf(document, plans).set('Q', 'plan');
    facetOf(document, costs).set('Q', 7);
    expect(facetOf(document, plans).get('Q')).toBe('plan');
    expect(facetOf(document, costs).get('Q')).toBe(7);
    expect(facetOf(parse(print(document)), costs).size).toBe(0);
  });

  test('the printed text reads back as the same document', () => {
    const document = parse('query Q($n: Int) { quotes(first: $n) { nodes { text } } }');
    expect(parse(facetOf(document, printedText))).toEqual(parse(print(document)));
    expect(facetOf(document, printedText)).toBe(facetOf(document, printedText));
  });
});
