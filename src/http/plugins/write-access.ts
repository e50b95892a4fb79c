// Who may write. Reads are public; every mutation needs write access, decided here from the
// request's bearer token: one of the configured API tokens, or a JWT (verified by Yoga's JWT
// plugin) carrying the write scope. With no credentials configured at all, writes are open
// only on a private setup: the embedded database served on loopback alone, and only to requests
// addressed to it by a loopback name and not sent by another site's page.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createInlineSigningKeyProvider, createRemoteJwksSigningKeyProvider, useJWT } from '@graphql-yoga/plugin-jwt';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../../config.ts';
import { ErrorCode } from '../../errors.ts';
import type { WriteAccess } from '../../graphql/builder.ts';

export type WritePolicy = 'tokens' | 'open-local' | 'closed';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** How this server decides writes, from its configuration alone. */
export function writePolicy(config: Config, embedded: boolean): WritePolicy {
  if (config.apiTokens.length > 0 || config.jwt) return 'tokens';
  return embedded && LOOPBACK_HOSTS.has(config.host) ? 'open-local' : 'closed';
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares against every configured token in constant time, whatever matches. */
function isConfiguredToken(token: string, configured: readonly Buffer[]): boolean {
  const candidate = digest(token);
  let match = false;
  for (const known of configured) match = timingSafeEqual(candidate, known) || match;
  return match;
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

interface JwtContext {
  jwt?: { payload?: Record<string, unknown> };
}

function scopesOf(payload: Record<string, unknown>): string[] {
  const claim = payload.scope ?? payload.scp;
  if (typeof claim === 'string') return claim.split(/\s+/);
  return Array.isArray(claim) ? claim.filter((scope): scope is string => typeof scope === 'string') : [];
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `localhost:4000` → ['localhost', 4000]; null for anything that is not host[:port]. */
function hostAndPort(value: string, defaultPort: number): [string, number] | null {
  const match = /^(\[[0-9a-f:.]+\]|[^\s:/?#@[\]]+)(?::(\d{1,5}))?$/i.exec(value);
  if (!match) return null;
  return [match[1]!.toLowerCase(), match[2] === undefined ? defaultPort : Number(match[2])];
}

/**
 * Why a request without a token may not write to an open local server, or null when it may. The
 * browser is the danger here: any page a local user visits can POST to localhost, and a DNS name
 * rebound to 127.0.0.1 reaches it under a foreign Host. So the Host must be a loopback name with
 * the port served, and an Origin, when the client sends one, that very same kind of address.
 * Clients that send no Origin (curl, the CLI, scripts) are not browsers acting for a page.
 */
export function localWriteProblem(request: Request, servedPort: number): string | null {
  const hostHeader = request.headers.get('host') ?? new URL(request.url).host;
  const host = hostAndPort(hostHeader, 80);
  if (!host || !LOOPBACK_NAMES.has(host[0]) || host[1] !== servedPort) {
    return `Writes without a token are accepted only at http://localhost:${servedPort} (this request was addressed to "${hostHeader}"); configure QUOTEGRAPH_API_TOKENS to write through another address.`;
  }
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  const parsed = /^http:\/\/(.+)$/i.exec(origin);
  const from = parsed ? hostAndPort(parsed[1]!, 80) : null;
  if (!from || !LOOPBACK_NAMES.has(from[0]) || from[1] !== servedPort) {
    return `Writes without a token are accepted only from pages served by this server (http://localhost:${servedPort}), not from ${origin}; configure QUOTEGRAPH_API_TOKENS to write from elsewhere.`;
  }
  return null;
}

export function decideWriteAccess(
  request: Request,
  context: JwtContext,
  config: Config,
  policy: WritePolicy,
  tokenDigests: readonly Buffer[],
  servedPort: number = config.port,
): WriteAccess {
  const token = bearerToken(request);
  if (policy === 'open-local') {
    const problem = localWriteProblem(request, servedPort);
    return problem
      ? { allowed: false, code: ErrorCode.FORBIDDEN, reason: problem }
      : { allowed: true, principal: 'local' };
  }
  if (policy === 'closed') {
    return {
      allowed: false,
      code: ErrorCode.FORBIDDEN,
      reason: 'This server accepts no writes: configure QUOTEGRAPH_API_TOKENS or a JWT issuer.',
    };
  }
  if (!token) {
    return {
      allowed: false,
      code: ErrorCode.UNAUTHENTICATED,
      reason: 'Writing needs an Authorization: Bearer <token> header.',
    };
  }
  if (isConfiguredToken(token, tokenDigests)) return { allowed: true, principal: 'api-token' };
  const payload = context.jwt?.payload;
  if (config.jwt && payload) {
    if (scopesOf(payload).includes(config.jwt.writeScope)) {
      return { allowed: true, principal: typeof payload.sub === 'string' ? `jwt:${payload.sub}` : 'jwt' };
    }
    return {
      allowed: false,
      code: ErrorCode.FORBIDDEN,
      reason: `The token lacks the "${config.jwt.writeScope}" scope.`,
    };
  }
  return { allowed: false, code: ErrorCode.UNAUTHENTICATED, reason: 'The bearer token is not valid.' };
}

/**
 * Who the bearer token proves the client to be — a configured API token (by its digest) or a
 * JWT that verified (by its subject) — or null when there is no token or it proves nothing. Rate
 * limits key budgets by this: a string that does not verify is no identity at all.
 */
export function verifiedPrincipal(
  request: Request,
  context: JwtContext,
  config: Config,
  tokenDigests: readonly Buffer[],
): string | null {
  const token = bearerToken(request);
  if (!token) return null;
  if (tokenDigests.length && isConfiguredToken(token, tokenDigests))
    return `token:${digest(token).toString('hex').slice(0, 32)}`;
  const payload = config.jwt ? context.jwt?.payload : undefined;
  if (!payload) return null;
  return typeof payload.sub === 'string'
    ? `jwt:${payload.sub}`
    : `jwt-token:${digest(token).toString('hex').slice(0, 32)}`;
}

/** The response names of an operation's root fields, through fragments (each read once). */
function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names = new Set<string>();
  const seen = new Set<string>();
  const collect = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') names.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet.selections);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        collect(fragments.get(selection.name.value)?.selectionSet.selections ?? []);
      }
    }
  };
  collect(operation.selectionSet.selections);
  return [...names];
}

/**
 * Refuses a mutation its caller may not make before anything reads its input: without this,
 * variable coercion, the cost estimate and global-ID decoding would answer BAD_USER_INPUT and
 * tell a stranger about the inputs of a mutation it may not call. One error per root field,
 * with its path, as the field-level check in the schema (scope auth) would have given.
 */
const authoriseMutationsFirst: Plugin<{ writeAccess: () => WriteAccess }> = {
  onExecute({ args, setResultAndStopExecution }) {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== 'mutation') return;
    const access = (args.contextValue as { writeAccess: () => WriteAccess }).writeAccess();
    if (access.allowed) return;
    const fields = rootFieldNames(args.document, operation);
    if (fields.length === 0) return;
    setResultAndStopExecution({
      data: null,
      errors: fields.map(
        (field) => new GraphQLError(access.reason, { path: [field], extensions: { code: access.code } }),
      ),
    });
  },
};

/**
 * Verifies JWTs when configured (never rejecting a request by itself: reads stay public) and
 * gives the context a `writeAccess()` that mutations consult.
 */
export function useWriteAccess(config: Config, embedded: boolean): Plugin[] {
  const policy = writePolicy(config, embedded);
  const tokenDigests = config.apiTokens.map(digest);
  const plugins: Plugin[] = [];
  if (config.jwt) {
    const jwt = config.jwt;
    plugins.push(
      useJWT({
        signingKeyProviders: [
          jwt.secret
            ? createInlineSigningKeyProvider(jwt.secret)
            : createRemoteJwksSigningKeyProvider({ jwksUri: jwt.jwksUrl as string, cache: true, rateLimit: true }),
        ],
        tokenVerification: {
          algorithms: jwt.secret ? ['HS256'] : ['RS256', 'ES256'],
          ...(jwt.issuer ? { issuer: jwt.issuer } : {}),
          ...(jwt.audience ? { audience: jwt.audience } : {}),
        },
        reject: { missingToken: false, invalidToken: false },
      }) as Plugin,
    );
  }
  const grantWriteAccess: Plugin<{ writeAccess: () => WriteAccess; principal: () => string | null }> = {
    onContextBuilding({ context, extendContext }) {
      let decided: WriteAccess | undefined;
      const request = (context as { request: Request }).request;
      // The port this request came in on (the configured one may be 0, "any free port").
      const servedPort = (context as { req?: IncomingMessage }).req?.socket?.localPort ?? config.port;
      extendContext({
        writeAccess: () =>
          (decided ??= decideWriteAccess(request, context as JwtContext, config, policy, tokenDigests, servedPort)),
        principal: () => verifiedPrincipal(request, context as JwtContext, config, tokenDigests),
      });
    },
  };
  plugins.push(grantWriteAccess as Plugin, authoriseMutationsFirst as Plugin);
  return plugins;
}
