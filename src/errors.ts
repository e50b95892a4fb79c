// Every error code the API can return. Clients may branch on `extensions.code`; these strings
// are part of the public contract, so change them only with a major version.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  /** An argument or input field is invalid; `extensions.field` names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A mutation without a valid bearer token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A valid token without write rights, or a server refusing all writes. */
  FORBIDDEN: 'FORBIDDEN',
  /** An id or slug that names nothing (mutations; lookups return null instead). */
  NOT_FOUND: 'NOT_FOUND',
  /** The operation exceeds a depth, cost, alias, directive or size limit. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The request body is larger than the configured limit (HTTP 413). */
  REQUEST_ENTITY_TOO_LARGE: 'REQUEST_ENTITY_TOO_LARGE',
  /** The client has used up its budget; `extensions.retryAfter` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The operation ran longer than the configured timeout. */
  TIMEOUT: 'TIMEOUT',
  /** The database is unreachable; retry shortly. Also: no ingestion queue on this server (async ingestion, job(id:)). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The HTTP request itself is wrong: content type, JSON, method, missing CSRF header. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A persisted document hash (`extensions.persistedQuery.sha256Hash`) that this server does not know. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** The server runs only its trusted documents (QUOTEGRAPH_TRUSTED_DOCUMENTS=only) and was sent a query. */
  TRUSTED_DOCUMENTS_ONLY: 'TRUSTED_DOCUMENTS_ONLY',
  /** The request is not valid GraphQL or does not match the schema. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** Anything unexpected; details are logged, never returned. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** An invalid input; `field` is the path of the offending input field, e.g. "input.url". */
export function badUserInput(message: string, field?: string): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
}

export function notFound(message: string, field?: string): GraphQLError {
  return apiError(ErrorCode.NOT_FOUND, message, field ? { field } : {});
}
