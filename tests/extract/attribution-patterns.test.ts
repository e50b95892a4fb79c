// Every registered attribution pattern finds the quotation and speaker of each
// of its own examples, and is the pattern that finds them. A new pattern is
// covered by adding its file, with examples, to the registry.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNameMentions } from '../../src/extract/entities/mentions.ts';
import { chooseLanguagePack } from '../../src/extract/language/index.ts';
import { readArticle } from '../../src/extract/pipeline.ts';
import { ATTRIBUTION_PATTERNS, CUE_PATTERNS } from '../../src/extract/quotes/patterns/index.ts';
import { indexArticle } from '../../src/extract/text/article-index.ts';
import { analyseText } from '../../src/extract/text/document.ts';

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

describe("the cue patterns' token test", () => {
  const stylesDir = join(import.meta.dirname, '..', '..', 'corpus', 'styles');
  const texts = [
    ...ATTRIBUTION_PATTERNS.flatMap((p) => p.examples.map((e) => e.text)),
    ...readdirSync(stylesDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => (JSON.parse(readFileSync(join(stylesDir, f), 'utf8')) as { text: string }).text),
  ];

  it('holds at every token where the pattern finds a report, so skipping the other tokens loses none', () => {
    const lang = chooseLanguagePack('en').pack;
    const reports = new Map(CUE_PATTERNS.map((p) => [p.name, 0]));
    for (const text of texts) {
      const doc = analyseText(text.split(/\n\n+/), lang);
      const index = indexArticle(doc, findNameMentions(doc));
      for (const s of doc.sentences) {
        for (let k = s.firstToken; k < s.endToken; k++) {
          const t = doc.tokens[k];
          if (!t) continue;
          for (const pattern of CUE_PATTERNS) {
            for (const hasQuote of [false, true]) {
              if (!pattern.find(index, s, k, hasQuote)) continue;
              reports.set(pattern.name, (reports.get(pattern.name) ?? 0) + 1);
              expect(pattern.firesAt(t, lang), `${pattern.name} at “${t.text}” in: ${text.slice(0, 60)}`).toBe(true);
            }
          }
        }
      }
    }
    // The texts hold reported speech of every cue pattern's shape, so each pattern's test was checked somewhere.
    for (const [name, count] of reports) expect(count, name).toBeGreaterThan(0);
  });
});
