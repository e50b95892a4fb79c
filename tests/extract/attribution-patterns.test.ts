// Every registered attribution pattern finds the quotation and speaker of each
// of its own examples, and is the pattern that finds them. A new pattern is
// covered by adding its file, with examples, to the registry.

import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/extract/pipeline.ts';
import { ATTRIBUTION_PATTERNS } from '../../src/extract/quotes/patterns/index.ts';

function foundBy(text: string, quote: string) {
  const { findings } = readArticle({ text });
  const body = findings.text.body;
  const quoted = findings.quoted.map((q) => ({
    text: body.slice(q.span.textStart, q.span.textEnd),
    via: q.via,
    resolved: q.resolved,
  }));
  const reported = findings.reported.map((r) => ({
    text: body.slice(r.start, r.end),
    via: r.via,
    resolved: r.resolved,
  }));
  const match = [...quoted, ...reported].find((q) => q.text === quote);
  return match ? { via: match.via, speaker: match.resolved?.speaker?.name ?? null } : null;
}

describe('the attribution pattern registry', () => {
  it('names each pattern once and gives each at least one example', () => {
    const names = ATTRIBUTION_PATTERNS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of ATTRIBUTION_PATTERNS) expect(p.examples.length, p.name).toBeGreaterThan(0);
  });

  for (const pattern of ATTRIBUTION_PATTERNS) {
    describe(`${pattern.name}: ${pattern.matches}`, () => {
      for (const example of pattern.examples) {
        it(`finds “${example.quote}” by ${example.speaker}`, () => {
          expect(foundBy(example.text, example.quote)).toEqual({ via: pattern.name, speaker: example.speaker });
        });
      }
    });
  }
});
