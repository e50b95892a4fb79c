// Read operations generated from the schema, with argument values drawn from a stored graph
// (tests/support/generated-graph.ts): every root field of Query, aliases, inline and named
// fragments on the Speaker union and the Node interface, every filter and order argument.
// Selection sets are walked from the schema itself, so a field added to a type is generated
// without touching this file.
import fc from 'fast-check';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { fieldFallback } from '../../src/graphql/compiled/schema-model.ts';
import { schema } from '../../src/graphql/schema.ts';
import { DATES, ORGANIZATION_KINDS, QUOTE_KINDS, type StoredGraph } from './generated-graph.ts';

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

const literal = (value: unknown): string => {
  if (value instanceof Enum) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
};

/** An enum value, written bare. */
class Enum {
  constructor(readonly name: string) {}
}

/** A value or, now and then, a value that names nothing. */
function drawn<T>(values: readonly T[], missing: T): fc.Arbitrary<T> {
  return values.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 5 }, { arbitrary: fc.constant(missing), weight: 1 })
    : fc.constant(missing);
}

const MISSING_ID = (typename: string) => Buffer.from(`${typename}:999999`).toString('base64');

interface Builder {
  aliases: number;
  /** Only what the compiled read path answers (src/graphql/compiled/schema-model.ts). */
  compilable: boolean;
}

/** Whether the compiled path knows this field of this type (as the compiler reads the schema). */
function compiledField(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): boolean {
  if (field.name === '__typename') return true;
  return fieldFallback(schema, type, field) === null;
}

const OPEN = '\u27e6';
const SEP = '\u27e7';
const CLOSE = '\u27e8';

/** Replaces fragment markers (innermost first) by spreads, collecting their definitions. */
function extractFragments(text: string, definitions: string[]): string {
  for (;;) {
    const close = text.indexOf(CLOSE);
    if (close < 0) return text;
    const open = text.lastIndexOf(OPEN, close);
    const [typename, set] = text.slice(open + 1, close).split(SEP) as [string, string];
    const name = `F${definitions.length + 1}`;
    definitions.push(`fragment ${name} on ${typename} ${set}`);
    text = `${text.slice(0, open)}...${name}${text.slice(close + 1)}`;
  }
}

/** The selection set of `type`, `depth` levels deep at most. */
function selection(type: GraphQLNamedType, depth: number, b: Builder): fc.Arbitrary<string> {
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    return fc
      .tuple(
        fc.subarray([...members], { minLength: 1 }),
        fc.array(fc.constantFrom('inline', 'named', ...(b.compilable ? [] : ['interface' as const])), {
          minLength: members.length,
          maxLength: members.length,
        }),
        fc.constant(null).chain(() => fc.tuple(...members.map((member) => selection(member, depth, b)))),
      )
      .map(([chosen, styles, sets]) => {
        const parts = ['__typename'];
        if (isInterfaceType(type)) parts.push('id');
        chosen.forEach((member) => {
          const index = members.indexOf(member);
          const set = sets[index]!;
          const style = styles[index];
          if (style === 'named') {
            // Written as a marker, made a fragment definition once the operation is whole.
            parts.push(`${OPEN}${member.name}${SEP}${set}${CLOSE}`);
          } else if (style === 'interface' && member.getInterfaces().some((i) => i.name === 'Node')) {
            parts.push(`... on Node { id }`, `... on ${member.name} ${set}`);
          } else {
            parts.push(`... on ${member.name} ${set}`);
          }
        });
        return `{ ${parts.join(' ')} }`;
      });
  }
  if (!isObjectType(type)) return fc.constant('');
  const fields = Object.values(type.getFields()).filter(
    (field) => (depth > 0 || isLeafType(getNamedType(field.type))) && (!b.compilable || compiledField(type, field)),
  );
  return fc
    .subarray(fields, { minLength: 1, maxLength: Math.min(6, fields.length) })
    .chain((chosen) =>
      fc.tuple(...chosen.map((field) => fieldSelection(field, depth, b))).map((parts) => `{ ${parts.join(' ')} }`),
    );
}

function fieldSelection(field: GraphQLField<unknown, unknown>, depth: number, b: Builder): fc.Arbitrary<string> {
  const named = getNamedType(field.type);
  const alias = fc.boolean().map((aliased) => (aliased ? `a${++b.aliases}: ` : ''));
  if (isLeafType(named)) return alias.map((a) => `${a}${field.name}`);
  const isConnection = field.args.some((arg) => arg.name === 'first');
  const args = isConnection ? connectionArgs(field) : fc.constant('');
  const sub =
    isConnection && isObjectType(named) ? connectionSelection(named, depth - 1, b) : selection(named, depth - 1, b);
  return fc.tuple(alias, args, sub).map(([a, argText, set]) => `${a}${field.name}${argText} ${set}`);
}

function connectionArgs(field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> {
  const kind = field.args.some((arg) => arg.name === 'kind');
  return fc
    .record({
      first: fc.option(fc.constantFrom(0, 1, 2, 3, 5), { freq: 3 }),
      // Sometimes the last rows instead: a backward page.
      backward: fc.boolean(),
      kind: kind ? fc.option(fc.constantFrom(...QUOTE_KINDS), { freq: 2 }) : fc.constant(null),
    })
    .map(({ first, backward, kind: k }) => {
      const size = first === null ? '' : `${backward ? 'last' : 'first'}: ${first}`;
      const parts = [size, k ? `kind: ${k}` : ''].filter(Boolean);
      return parts.length ? `(${parts.join(', ')})` : '';
    });
}

function connectionSelection(type: GraphQLObjectType, depth: number, b: Builder): fc.Arbitrary<string> {
  const node = getNamedType(type.getFields().nodes!.type);
  return fc
    .record({
      totalCount: fc.boolean(),
      nodes: fc.option(selection(node, depth, b), { freq: 2 }),
      edges: fc.option(fc.tuple(fc.boolean(), selection(node, depth, b)), { freq: 3 }),
      pageInfo: fc.option(
        fc.subarray(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'], {
          minLength: 1,
        }),
        { freq: 3 },
      ),
    })
    .map(({ totalCount, nodes, edges, pageInfo }) => {
      const parts: string[] = [];
      if (totalCount) parts.push('totalCount');
      if (nodes) parts.push(`nodes ${nodes}`);
      if (edges) parts.push(`edges { ${edges[0] ? 'cursor ' : ''}node ${edges[1]} }`);
      if (pageInfo) parts.push(`pageInfo { ${pageInfo.join(' ')} }`);
      if (!parts.length) parts.push('totalCount');
      return `{ ${parts.join(' ')} }`;
    });
}

/** The arguments of each root field of Query, drawn from the graph. */
function rootArguments(name: string, g: StoredGraph): fc.Arbitrary<Record<string, unknown>> {
  const id = (typename: keyof StoredGraph['ids']) => drawn(g.ids[typename], MISSING_ID(typename));
  const anyId = fc.constantFrom(...(Object.keys(g.ids) as (keyof StoredGraph['ids'])[])).chain(id);
  const date = fc.constantFrom(...DATES);
  const first = fc.option(fc.constantFrom(0, 1, 2, 4, 20, 100), { freq: 3 });
  // A page from the end of the list instead, for the lists the compiled path answers.
  const last = fc.option(fc.constantFrom(0, 1, 2, 4, 20), { freq: 3, nil: undefined });
  const oneSize = <T extends { first: unknown; last?: unknown }>(args: T) =>
    args.last === undefined ? args : { ...args, first: null };
  const orderBy = fc.option(fc.constantFrom(new Enum('NEWEST'), new Enum('OLDEST')), { freq: 2 });
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 2, nil: undefined });
  const entity = fc.oneof(id('Person'), id('Organization'));
  switch (name) {
    case 'article':
      return fc.oneof(
        id('Article').map((v) => ({ id: v })),
        drawn(g.slugs.Article, 'no-such-article').map((v) => ({ slug: v })),
        drawn(g.urls, 'https://example.test/none').map((v) => ({ url: v })),
      );
    case 'person':
    case 'organization': {
      const typename = name === 'person' ? 'Person' : 'Organization';
      return fc.oneof(
        id(typename).map((v) => ({ id: v })),
        drawn(g.slugs[typename], 'no-such-slug').map((v) => ({ slug: v })),
        fc.constantFrom(...g.names).map((v) => ({ name: v })),
      );
    }
    case 'node':
      return anyId.map((v) => ({ id: v }));
    case 'nodes':
      return fc.array(anyId, { maxLength: 4 }).map((ids) => ({ ids }));
    case 'articles':
      return fc
        .record({
          first,
          last,
          orderBy,
          filter: optional(
            fc.record(
              {
                mentions: entity,
                publisher: drawn(g.slugs.Publisher, 'no-such-publisher'),
                publishedAfter: date,
                publishedBefore: date,
                search: fc.constantFrom(...g.words),
              },
              { requiredKeys: [] },
            ),
          ),
        })
        .map(oneSize);
    case 'quotes':
      return fc
        .record({
          first,
          last,
          orderBy,
          filter: optional(
            fc.record(
              {
                speaker: entity,
                speakerName: fc.constantFrom(...g.names),
                organization: id('Organization'),
                article: id('Article'),
                kind: fc.constantFrom(...QUOTE_KINDS).map((k) => new Enum(k)),
                search: fc.constantFrom(...g.words),
                publishedAfter: date,
                publishedBefore: date,
              },
              { requiredKeys: [] },
            ),
          ),
        })
        .map(oneSize);
    case 'people':
      return fc.record({
        first,
        filter: optional(fc.record({ search: fc.constantFrom(...g.names, 'a', '') }, { requiredKeys: [] })),
      });
    case 'organizations':
      return fc.record({
        first,
        filter: optional(
          fc.record(
            {
              search: fc.constantFrom(...g.names, 'or', ''),
              kind: fc.constantFrom(...ORGANIZATION_KINDS).map((k) => new Enum(k.toUpperCase())),
            },
            { requiredKeys: [] },
          ),
        ),
      });
    case 'publishers':
      return fc.record({ first });
    case 'search':
      return fc.record({
        query: fc.constantFrom(...g.words, ...g.names),
        first: fc.option(fc.constantFrom(1, 3, 5), { nil: undefined }),
      });
    case 'job':
      // Ids that name no job, well formed or not: the answer (null, or the error of an app that
      // runs no queue) must not depend on the path.
      return fc.record({ id: fc.oneof(fc.uuid(), fc.constantFrom('not-a-job', '')) });
    default:
      throw new Error(`no argument generator for Query.${name}: add one (every root field is generated)`);
  }
}

function argumentText(args: Record<string, unknown>): string {
  const parts = Object.entries(args)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${literal(v)}`);
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** Root fields the compiled path answers. */
const COMPILED_ROOTS = new Set(['article', 'person', 'organization', 'quotes', 'articles']);

/**
 * One read operation over the stored graph: one to three root fields, maybe aliased. With
 * `compilable`, only what the compiled path answers, so that path is really compared.
 */
export function readOperation(g: StoredGraph, compilable = false): fc.Arbitrary<GeneratedOperation> {
  const queryType = schema.getQueryType()!;
  const roots = Object.values(queryType.getFields()).filter((field) => !compilable || COMPILED_ROOTS.has(field.name));
  return fc.integer({ min: 1, max: 3 }).chain((count) => {
    const b: Builder = { aliases: 0, compilable };
    return fc
      .tuple(
        ...Array.from({ length: count }, (_, index) =>
          fc.constantFrom(...roots).chain((field) => {
            const named = getNamedType(field.type);
            const isConnection =
              field.args.some((arg) => arg.name === 'first') && isObjectType(named) && 'nodes' in named.getFields();
            return fc.tuple(
              fc.constant(field),
              rootArguments(field.name, g),
              isConnection ? connectionSelection(named as GraphQLObjectType, 2, b) : selection(named, 2, b),
              fc.constant(`r${index}`),
            );
          }),
        ),
      )
      .map((fields) => {
        const definitions: string[] = [];
        const body = extractFragments(
          fields.map(([field, args, set, alias]) => `${alias}: ${field.name}${argumentText(args)} ${set}`).join(' '),
          definitions,
        );
        return { query: [`query Generated { ${body} }`, ...definitions].join('\n'), variables: {} };
      });
  });
}

export { Enum };
