// Persisted (trusted) documents: a client sends `extensions.persistedQuery.sha256Hash` instead of
// the query text, and the document is taken from manifests written at build time (the story
// viewer's, examples/story-viewer/persisted-documents.json). In 'accept' mode ordinary documents
// run too, so GraphiQL and any other client keep working; in 'only' mode nothing else runs, so a
// public endpoint answers exactly the operations its own clients were built with.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { ConfigError, type TrustedDocumentsConfig } from '../../config.ts';
import { ErrorCode } from '../../errors.ts';

/** The SHA-256 hash of a document's text, in hex: the key clients send. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads manifests (JSON: hash → document text) into one map. A file the mode depends on that is
 * missing, malformed, or whose keys are not the hashes of their documents stops the server with
 * one line naming it; in 'accept' mode a missing file only means no documents from it.
 */
export function loadTrustedDocuments(config: TrustedDocumentsConfig): Map<string, string> {
  const documents = new Map<string, string>();
  for (const file of config.manifests) {
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if (config.mode === 'accept' && (error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ConfigError(
        `QUOTEGRAPH_TRUSTED_DOCUMENTS_MANIFESTS: cannot read ${file} (${(error as Error).message})`,
      );
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(raw);
    } catch {
      throw new ConfigError(`QUOTEGRAPH_TRUSTED_DOCUMENTS_MANIFESTS: ${file} is not JSON`);
    }
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
      throw new ConfigError(`QUOTEGRAPH_TRUSTED_DOCUMENTS_MANIFESTS: ${file} must map hashes to documents`);
    }
    for (const [hash, text] of Object.entries(manifest)) {
      if (typeof text !== 'string' || documentHash(text) !== hash) {
        throw new ConfigError(
          `QUOTEGRAPH_TRUSTED_DOCUMENTS_MANIFESTS: in ${file}, ${hash} is not the SHA-256 of its document`,
        );
      }
      documents.set(hash, text);
    }
  }
  return documents;
}

function refusal(code: ErrorCode, message: string, status: number) {
  return () => createGraphQLError(message, { extensions: { code, http: { status } } });
}

export function useTrustedDocuments(config: TrustedDocumentsConfig): Plugin {
  const documents = loadTrustedDocuments(config);
  return usePersistedOperations({
    // Looked up in memory, so a hash costs nothing to check. Handed over as text, not parsed:
    // the request then carries the document as `query`, so the response cache keys it exactly as
    // the same document sent as text.
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    allowArbitraryOperations: config.mode === 'accept',
    customErrors: {
      notFound: refusal(
        ErrorCode.PERSISTED_QUERY_NOT_FOUND,
        'No trusted document has this hash; rebuild the client, or send the query.',
        404,
      ),
      persistedQueryOnly: refusal(
        ErrorCode.TRUSTED_DOCUMENTS_ONLY,
        'This server runs only its trusted documents: send extensions.persistedQuery.sha256Hash instead of a query.',
        403,
      ),
      keyNotFound: refusal(
        ErrorCode.BAD_REQUEST,
        'Send a query, or extensions.persistedQuery { version: 1, sha256Hash } naming a trusted document.',
        400,
      ),
    },
  }) as Plugin;
}
