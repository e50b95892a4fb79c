// The viewer's trusted documents: hash (SHA-256 of the text, hex) → document text, in the form
// the server's QUOTEGRAPH_TRUSTED_DOCUMENTS_MANIFESTS reads.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { documentText } from './src/documents.ts';
import { operations } from './src/operations.ts';

export const MANIFEST_FILE = fileURLToPath(new URL('./persisted-documents.json', import.meta.url));

export function viewerManifest(): Record<string, string> {
  const entries = Object.values(operations).map((document) => {
    const text = documentText(document);
    return [createHash('sha256').update(text, 'utf8').digest('hex'), text] as const;
  });
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** The manifest file's contents, byte for byte. */
export function manifestJson(): string {
  return `${JSON.stringify(viewerManifest(), null, 2)}\n`;
}
