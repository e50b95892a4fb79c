// Pipeline stages are functions from one typed value to the next: none writes
// into a result an earlier stage returned. Every stage's result is deep-frozen
// before the next stage reads it (objects, arrays, and the Maps and Sets whose
// add/set/delete Object.freeze alone would leave open), so a write in place
// throws here instead of passing unseen.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleArticle } from '../../src/extract/assemble.ts';
import { decodeBytes, type ExtractInput, extractArticle } from '../../src/extract/index.ts';
import { readArticle } from '../../src/extract/pipeline.ts';
import { sharedPath } from '../support/shared.ts';

function refuse(name: string): () => never {
  return () => {
    throw new TypeError(`a stage called ${name} on an earlier stage's result`);
  };
}

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value) || Object.isFrozen(value)) return value;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k, seen);
      deepFreeze(v, seen);
    }
    for (const name of ['set', 'delete', 'clear']) Object.defineProperty(value, name, { value: refuse(`Map.${name}`) });
  } else if (value instanceof Set) {
    for (const v of value) deepFreeze(v, seen);
    for (const name of ['add', 'delete', 'clear']) Object.defineProperty(value, name, { value: refuse(`Set.${name}`) });
  } else if (!ArrayBuffer.isView(value) && !(value instanceof RegExp)) {
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  }
  // Typed arrays with elements cannot be frozen; no stage result holds one today.
  if (!ArrayBuffer.isView(value)) Object.freeze(value);
  return value;
}

interface GoldArticle {
  id: string;
  text: string;
  raw?: string;
}

const stylesDir = join(import.meta.dirname, '..', '..', 'corpus', 'styles');
const seedPath = sharedPath('seed', 'sony-north-korea-2014.txt');

function articles(): Array<[string, ExtractInput]> {
  const found: Array<[string, ExtractInput]> = readdirSync(stylesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const gold = JSON.parse(readFileSync(join(stylesDir, file), 'utf8')) as GoldArticle;
      if (!gold.raw) return [gold.id, { text: gold.text }];
      const { text } = decodeBytes(readFileSync(join(stylesDir, gold.raw)));
      return [gold.id, gold.raw.endsWith('.html') ? { html: text } : { text }];
    });
  if (existsSync(seedPath)) found.push(['seed', { text: readFileSync(seedPath, 'utf8') }]);
  return found;
}

describe('pipeline stages return new values', () => {
  it('catches a write into a frozen result (the freeze itself works)', () => {
    const frozen = deepFreeze({ list: [1], byName: new Map([['a', new Set(['x'])]]) });
    expect(() => frozen.list.push(2)).toThrow(TypeError);
    expect(() => frozen.byName.set('b', new Set())).toThrow(TypeError);
    expect(() => frozen.byName.get('a')?.add('y')).toThrow(TypeError);
  });

  it.each(articles())('reads %s with every stage result frozen, and finds what an unfrozen run finds', (_id, input) => {
    const { findings } = readArticle(input, (value) => deepFreeze(value));
    const { readAs: _readAs, ...plain } = extractArticle(input);
    expect(assembleArticle(findings)).toEqual(plain);
  });
});
