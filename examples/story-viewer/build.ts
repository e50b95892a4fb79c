// Builds the story viewer: writes its trusted documents to persisted-documents.json, then
// bundles src/main.ts with esbuild into dist/ beside index.html and style.css.
// `--check` only verifies that persisted-documents.json is current (exit 1 if not).
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { MANIFEST_FILE, manifestJson } from './manifest.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const expected = manifestJson();
const current = await readFile(MANIFEST_FILE, 'utf8').catch(() => '');

if (process.argv.includes('--check')) {
  if (current !== expected) {
    console.error('examples/story-viewer/persisted-documents.json is out of date: run npm run viewer:build');
    process.exit(1);
  }
  process.exit(0);
}

if (current !== expected) await writeFile(MANIFEST_FILE, expected);
await mkdir(here('./dist'), { recursive: true });
await build({
  entryPoints: [here('./src/main.ts')],
  outfile: here('./dist/viewer.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
await Promise.all(['index.html', 'style.css'].map((file) => copyFile(here(`./${file}`), here(`./dist/${file}`))));
console.log('examples/story-viewer/dist: index.html, style.css, viewer.js');
