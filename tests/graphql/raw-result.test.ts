// Answers held as the JSON text PostgreSQL wrote (src/graphql/compiled/raw-result.ts): they must
// serialise exactly as the parsed answer would, never parse unless asked, and never send stale
// text once the data was replaced.
import fc from 'fast-check';
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { spellCursors } from '../../src/graphql/compiled/cursors.ts';
import { rawDataText, rawResult, withExtensions } from '../../src/graphql/compiled/raw-result.ts';

type Stringified = ExecutionResult & { stringify(result: ExecutionResult): string };
const stringify = (result: ExecutionResult) => (result as Stringified).stringify(result);
const data = fc.dictionary(fc.string(), fc.jsonValue());
const extensions = fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 });

describe('an answer held as text', () => {
  it('serialises as its parsed form would, with extensions added the way plugins add them', () => {
    fc.assert(
      fc.property(data, fc.option(extensions, { nil: undefined }), (value, extra) => {
        const text = JSON.stringify(value);
        const answer = extra ? withExtensions(rawResult(text), extra) : rawResult(text);
        const expected = extra ? { data: value, extensions: extra } : { data: value };
        expect(JSON.parse(stringify(answer))).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(stringify(answer).startsWith(`{"data":${text}`)).toBe(true);
      }),
    );
  });

  it('is not parsed by adding extensions or serialising, only by reading data', () => {
    const answer = withExtensions(rawResult('not json, so parsing it would throw'), { cost: 3 });
    expect(stringify(answer)).toBe('{"data":not json, so parsing it would throw,"extensions":{"cost":3}}');
    expect(() => answer.data).toThrow(SyntaxError);
  });

  it('once its data is replaced or copied and changed, sends the new data, not the old text', () => {
    fc.assert(
      fc.property(data, data, (before, after) => {
        const copied = { ...rawResult(JSON.stringify(before)), data: after } as ExecutionResult;
        expect(JSON.parse(stringify(copied))).toEqual(JSON.parse(JSON.stringify({ data: after })));
        const assigned = rawResult(JSON.stringify(before));
        assigned.data = after as ExecutionResult['data'];
        expect(rawDataText(assigned)).toBeUndefined();
        expect(JSON.parse(stringify(assigned))).toEqual(JSON.parse(JSON.stringify({ data: after })));
      }),
    );
  });

  it('a plain copy (as plugins spread answers) still sends the text once data was read', () => {
    const original = rawResult('{"a": 1.50}');
    const copy = { ...original, extensions: { cost: 1 } } as ExecutionResult;
    expect(copy.data).toEqual({ a: 1.5 });
    expect(rawDataText(copy)).toBe('{"a": 1.50}');
  });
});

describe('cursors spelled out in the text', () => {
  it('text that merely looks like a cursor object inside a string is left alone', () => {
    const lookalike = fc.constantFrom('{"$c" : "DV", "v" : [1, 2]}', '{"$c" : "V", "v" : ["x"]}', '"$c"');
    const text = fc.array(fc.oneof(fc.string(), lookalike), { maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const json = JSON.stringify({ text: value, list: [value] });
        expect(spellCursors(json)).toBe(json);
      }),
    );
  });

  it('a real cursor object, as PostgreSQL writes it, becomes the cursor string', () => {
    const json = '{"nodes" : [{"c" : {"$c" : "DV", "v" : [0, "b\\"]"]}}]}';
    const spelled = JSON.parse(spellCursors(json)) as { nodes: { c: string }[] };
    expect(typeof spelled.nodes[0]!.c).toBe('string');
    expect(Buffer.from(spelled.nodes[0]!.c, 'base64').toString()).toMatch(/^DC:/);
  });
});
