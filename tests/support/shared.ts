// Real-world material (the seed article, the annotated corpus) stays outside the repository,
// in a `shared` folder beside it. QUOTEGRAPH_SHARED_DIR points elsewhere when the checkout
// lives somewhere else (CI clones into a temporary directory).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared folder, or null when it cannot be found. */
export function sharedDir(): string | null {
  const candidates = [process.env.QUOTEGRAPH_SHARED_DIR, join(repoRoot, '..', 'shared')].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  return candidates.find((candidate) => existsSync(join(candidate, 'seed'))) ?? null;
}

/** A path inside the shared folder (which may not exist; check before reading). */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir() ?? join(repoRoot, '..', 'shared'), ...parts);
}
