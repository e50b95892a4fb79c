// The Node versions package.json promises (engines.node) must be ones every production dependency
// says it runs on, as the lockfile records their engines. This is what the overrides in
// package.json hold in place: newer @whatwg-node helpers under graphql-yoga ask for Node 22,
// and dropping the override would let them in under a promise of Node 20.
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; engines?: { node?: string } }>;
};

/** Production packages in the lockfile whose engines.node does not cover `promised`. */
function narrowerThan(promised: string, packages: typeof lock.packages): string[] {
  return Object.entries(packages)
    .filter(([where, entry]) => where !== '' && !entry.dev && entry.engines?.node)
    .filter(([, entry]) => !semver.subset(promised, entry.engines!.node!))
    .map(([where, entry]) => `${where}@${entry.version} wants node ${entry.engines!.node}`);
}

describe('engines', () => {
  test('every production dependency runs on each Node version package.json promises', () => {
    expect(semver.validRange(manifest.engines.node)).not.toBeNull();
    expect(narrowerThan(manifest.engines.node, lock.packages)).toEqual([]);
  });

  test('the check finds a dependency that asks for more than is promised', () => {
    const packages = {
      ...lock.packages,
      'node_modules/@whatwg-node/promise-helpers': { version: '2.0.0', engines: { node: '>=22' } },
    };
    expect(narrowerThan(manifest.engines.node, packages)).toEqual([
      'node_modules/@whatwg-node/promise-helpers@2.0.0 wants node >=22',
    ]);
  });

  test('this Node is one of them', () => {
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });
});
