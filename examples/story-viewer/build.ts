// Builds the story viewer: writes its trusted documents to persisted-documents.json, then
// bundles src/main.ts with esbuild into dist/ beside index.html and style.css.
// `--check` only verifies that persisted-documents.json is current (exit 1 if not).
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { MANIFEST_FILE, manifestJson } from './manifest.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
export const DIST = here('./dist/');

/** Bundles the viewer into `outdir` (index.html, style.css, viewer.js). */
export async function buildViewer(outdir: string = DIST): Promise<void> {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [here('./src/main.ts')],
    outfile: path.join(outdir, 'viewer.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  await Promise.all(['index.html', 'style.css'].map((file) => copyFile(here(`./${file}`), path.join(outdir, file))));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const expected = manifestJson();
  const current = await readFile(MANIFEST_FILE, 'utf8').catch(() => '');
  if (process.argv.includes('--check')) {
    if (current !== expected) {
      console.error('examples/story-viewer/persisted-documents.json is out of date: run npm run viewer:build');
      process.exit(1);
    }
  } else {
    if (current !== expected) await writeFile(MANIFEST_FILE, expected);
    await buildViewer();
    console.log('examples/story-viewer/dist: index.html, style.css, viewer.js');
  }
}
