// Sends an operation as a trusted document: only its hash travels, and the server takes the text
// from its manifest. A document missing from the manifest (not rebuilt since it changed) is sent
// whole, which a server in trusted-only mode refuses with TRUSTED_DOCUMENTS_ONLY.
import type { TadaDocumentNode } from 'gql.tada';
import manifest from '../persisted-documents.json';
import { documentText } from './documents.ts';

const hashByText = new Map(Object.entries(manifest as Record<string, string>).map(([hash, text]) => [text, hash]));

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const text = documentText(document);
  const hash = hashByText.get(text);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  const operationName = operation?.kind === 'OperationDefinition' ? operation.name?.value : undefined;
  const body = hash
    ? { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
    : { operationName, variables, query: text };
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as {
    data?: Result;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const error = answer.errors?.[0];
  if (error || !answer.data)
    throw new GraphQLRequestError(error?.message ?? `HTTP ${response.status}`, error?.extensions?.code);
  return answer.data;
}
