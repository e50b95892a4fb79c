-- What PostGraphile needs for the two workloads its default schema cannot express: W4
-- (full-text search over quotes) and W5 (quotes by a speaker's name or alias). Each is a
-- stable SQL function returning setof quotes, which PostgreSQL inlines into the calling
-- query, so PostGraphile's own paging, ordering and totalCount apply on top. W5 uses the same
-- lookup keys and picks the same single speaker as quotegraph; the name is folded in SQL
-- (unaccent, lower case, punctuation to spaces) the way src/db/lookup.ts folds it in JS.
create extension if not exists unaccent;
create schema if not exists pgl;

drop function if exists pgl.lookup_key(text) cascade;
create or replace function pgl.lookup_key(raw text) returns text
language sql stable as $$
  select btrim(regexp_replace(regexp_replace(lower(public.unaccent(raw)), '[''’`]s\y', '', 'g'), '[^[:alnum:]]+', ' ', 'g'))
$$;
comment on function pgl.lookup_key(text) is E'@behavior -*';

drop function if exists pgl.search_quotes(text);
create or replace function pgl.search_quotes(search text) returns setof public.quotes
language sql stable as $$
  select * from public.quotes where search_vector @@ websearch_to_tsquery('english', search_quotes.search)
$$;
comment on function pgl.search_quotes(text) is E'@behavior +order';

drop function if exists pgl.quotes_by_speaker_name(text);
-- The name means one speaker, as in quotegraph's quotes(filter: {speakerName}): a person before
-- an organization; among those going by the name, the one whose own name it is
-- (lookup_keys[1]), then the most quoted, then the lowest id. Its quotes are one scan of the
-- speaker_ref index. PostGraphile computes totalCount by counting these rows (its connection
-- has no way to read the stored quote_count instead).
create or replace function pgl.quotes_by_speaker_name(speaker_name text) returns setof public.quotes
language sql stable as $$
  select * from public.quotes
  where speaker_ref = (
    select ref from (
      select 0 as kind, p.lookup_keys[1] = k.key as own, p.quote_count, p.id, p.id * 2 as ref
      from public.people p, (select pgl.lookup_key(quotes_by_speaker_name.speaker_name) as key) k
      where p.lookup_keys @> array[k.key]
      union all
      select 1, o.lookup_keys[1] = k.key, o.quote_count, o.id, o.id * 2 + 1
      from public.organizations o, (select pgl.lookup_key(quotes_by_speaker_name.speaker_name) as key) k
      where o.lookup_keys @> array[k.key]) candidates
    order by kind, own desc, quote_count desc, id limit 1)
$$;
comment on function pgl.quotes_by_speaker_name(text) is E'@behavior +order';
