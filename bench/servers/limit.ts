// The practical limit: each workload answered by ONE hand-written SQL statement that builds
// the whole JSON response in PostgreSQL (json_build_object / json_agg); Node only passes the
// text through. POST /query with {"w": "W1".."W5", "v": {...}}. No GraphQL.
import { createServer } from 'node:http';
import postgres from 'postgres';
import { lookupKey } from '../../src/db/lookup.ts';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const sql = postgres(url, { max: Number(process.env.POOL_SIZE ?? 10), onnotice: () => {} });

// The speaker of a quote, as {name} of the person or organization, or null.
const speakerJoins = `left join people sp on sp.id = q.speaker_person_id left join organizations so on so.id = q.speaker_organization_id`;

export const statements = {
  W1: `select json_build_object(
      'title', a.title, 'dek', a.dek,
      'quotes', coalesce((
        select json_agg(json_build_object(
          'text', q.text, 'kind', q.kind,
          'person', case when sp.id is null then null else json_build_object('name', sp.name, 'affiliations', coalesce((
            select json_agg(json_build_object('role', af.role, 'organization', o.name) order by af.id)
            from affiliations af join organizations o on o.id = af.organization_id where af.person_id = sp.id), '[]'::json)) end,
          'organization', case when so.id is null then null else json_build_object('name', so.name) end) order by q.position)
        from (select * from quotes where article_id = a.id order by position limit 10) q ${speakerJoins}), '[]'::json),
      'links', coalesce((
        select json_agg(json_build_object('title', l.title, 'url', l.url, 'kind', l.kind) order by l.position)
        from related_links l where l.article_id = a.id), '[]'::json)
    )::text as json from articles a where a.id = $1`,
  // The person's stored quote_count (kept by triggers, as quotegraph reads it) and the newest 20
  // through the (speaker_ref, article_sort_at, article_id, position desc) index.
  W2: `select json_build_object(
      'total', coalesce((select quote_count from people where id = $1), 0),
      'items', coalesce((
        select json_agg(json_build_object('text', q.text, 'title', a.title, 'publishedAt', a.published_at)
                        order by q.article_sort_at desc, q.article_id desc, q.position)
        from (select * from quotes where speaker_ref = $1 * 2 order by article_sort_at desc, article_id desc, position limit 20) q
        join articles a on a.id = q.article_id), '[]'::json)
    )::text as json`,
  W3: `select coalesce(json_agg(json_build_object(
      'title', a.title, 'publishedAt', a.published_at,
      'quotes', (select coalesce(json_agg(json_build_object('text', q.text, 'speaker', coalesce(sp.name, so.name)) order by q.position), '[]'::json)
        from (select * from quotes where article_id = a.id order by position limit 3) q ${speakerJoins})
    ) order by a.sort_at desc, a.id desc), '[]'::json)::text as json
    from (select * from articles order by sort_at desc, id desc limit 20) a`,
  W4: `with matches as materialized (
      select article_id, position, text, speaker_label, article_sort_at from quotes
      where search_vector @@ websearch_to_tsquery('english', $1))
    select json_build_object(
      'total', (select count(*) from matches),
      'items', coalesce((
        select json_agg(json_build_object('text', q.text, 'speakerLabel', q.speaker_label, 'title', a.title)
                        order by q.article_sort_at desc, q.article_id desc, q.position)
        from (select * from matches order by article_sort_at desc, article_id desc, position limit 20) q
        join articles a on a.id = q.article_id), '[]'::json)
    )::text as json`,
  // The name means one speaker, as in quotegraph (src/graphql/quote-filter.ts): a person before
  // an organization; among those going by the name, the one whose own name it is
  // (lookup_keys[1]), then the most quoted, then the lowest id. Its stored quote_count is the
  // total; its newest 20 come from the speaker_ref index.
  W5: `with speaker as materialized (
      select ref, total from (
        select 0 as kind, lookup_keys[1] = $1 as own, quote_count as total, id, id * 2 as ref
        from people where lookup_keys @> array[$1]::text[]
        union all
        select 1, lookup_keys[1] = $1, quote_count, id, id * 2 + 1
        from organizations where lookup_keys @> array[$1]::text[]) candidates
      order by kind, own desc, total desc, id limit 1)
    select json_build_object(
      'total', coalesce((select total from speaker), 0),
      'items', coalesce((
        select json_agg(json_build_object('text', q.text, 'speaker', coalesce(sp.name, so.name), 'title', a.title)
                        order by q.article_sort_at desc, q.article_id desc, q.position)
        from (select * from quotes where speaker_ref = (select ref from speaker)
              order by article_sort_at desc, article_id desc, position limit 20) q
        join articles a on a.id = q.article_id ${speakerJoins}), '[]'::json)
    )::text as json`,
} as const;

type WorkloadId = keyof typeof statements;

function parametersOf(workload: WorkloadId, values: Record<string, unknown>): (string | number)[] {
  switch (workload) {
    case 'W1':
      return [Number(values.articleId)];
    case 'W2':
      return [Number(values.personId)];
    case 'W3':
      return [];
    case 'W4':
      return [String(values.search)];
    case 'W5':
      return [lookupKey(String(values.speakerName))];
  }
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          w: WorkloadId;
          v: Record<string, unknown>;
        };
        const statement = statements[body.w];
        if (!statement) throw new Error(`unknown workload ${body.w}`);
        const [row] = await sql.unsafe<{ json: string }[]>(statement, parametersOf(body.w, body.v ?? {}), {
          prepare: true,
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(row?.json ?? 'null');
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      }
    })();
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  void sql.end({ timeout: 2 }).then(() => process.exit(0));
});
