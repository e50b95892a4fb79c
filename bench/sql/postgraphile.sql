-- What PostGraphile needs for the two workloads its default schema cannot express: W4
-- (full-text search over quotes) and W5 (quotes by a speaker's name or alias). Each is a
-- stable SQL function returning setof quotes, which PostgreSQL inlines into the calling
-- query, so PostGraphile's own paging, ordering and totalCount apply on top. W5 uses the same
-- lookup keys and the same `= any(array(...))` shape as quotegraph; the name is folded in SQL
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
create or replace function pgl.quotes_by_speaker_name(speaker_name text) returns setof public.quotes
language sql stable as $$
  select * from public.quotes
  where speaker_person_id = any(array(
          select id from public.people where lookup_keys @> array[pgl.lookup_key(quotes_by_speaker_name.speaker_name)]))
     or speaker_organization_id = any(array(
          select id from public.organizations where lookup_keys @> array[pgl.lookup_key(quotes_by_speaker_name.speaker_name)]))
$$;
comment on function pgl.quotes_by_speaker_name(text) is E'@behavior +order';
