// Clients branch on `extensions.code`, so the codes are a contract: every code the server's source
// can emit is declared in src/errors.ts, and every declared code is explained in the
// README's error table. A code written as a bare string somewhere in src/ and nowhere else fails.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ErrorCode } from '../../src/errors.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('every error code in src/ is declared in errors.ts, and every declared code is in the README', async () => {
  const declared = new Set<string>(Object.values(ErrorCode));
  const emitted = new Map<string, string>();
  for (const file of await sourceFiles(path.join(root, 'src'))) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/\bcode:\s*['"]([A-Z][A-Z_]+)['"]|\bErrorCode\.([A-Z][A-Z_]+)/g)) {
      emitted.set(match[1] ?? match[2]!, path.relative(root, file));
    }
  }
  expect(emitted.size).toBeGreaterThan(5);
  const undeclared = [...emitted].filter(([code]) => !declared.has(code));
  expect(undeclared, 'codes used in src/ but not declared in src/errors.ts').toEqual([]);

  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Errors'));
  const undocumented = [...declared].filter((code) => !table.includes(`\`${code}\``));
  expect(undocumented, "codes declared but missing from the README's error table").toEqual([]);
});
