// Organizations referred to without their name: "the company", "its
// president", "the town's planning director", and the local government of
// the place a story is datelined in ("PORT CALDER —" … "Mayor Elena Márquez").

import { copyEntities } from './copy.ts';
import type { LanguagePack } from '../language/pack.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { ArticleText } from '../text/document.ts';
import { firstTokenAtOrAfter } from '../quotes/locate.ts';
import { DATELINE_STYLES } from '../styles/index.ts';
import type { OrganizationEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';
import type { ResolvedEntities } from './resolve.ts';
import { type Timeline, timelineOf } from './timeline.ts';

/** Nouns for the local government of a place: "the city said", "the town's planning director". */
export const LOCAL_GOVERNMENT_NOUNS: ReadonlySet<string> = new Set([
  'city',
  'town',
  'county',
  'village',
  'borough',
  'township',
  'municipality',
]);

/** Lookups over the organizations, built on first use and dropped by organizationsChanged. */
interface OrganizationLookups {
  timeline?: Timeline<OrganizationEntity>;
  byName?: Map<string, OrganizationEntity>;
  byLastWord?: Map<string, OrganizationEntity[]>;
}

const lookups = new WeakMap<ResolvedEntities, OrganizationLookups>();

function lookupsOf(entities: ResolvedEntities): OrganizationLookups {
  let found = lookups.get(entities);
  if (!found) {
    found = {};
    lookups.set(entities, found);
  }
  return found;
}

function organizationTimeline(entities: ResolvedEntities): Timeline<OrganizationEntity> {
  const l = lookupsOf(entities);
  l.timeline ??= timelineOf(entities.organizations);
  return l.timeline;
}

/** The organization named exactly so, ignoring case; the first listed wins. */
export function organizationNamed(entities: ResolvedEntities, name: string): OrganizationEntity | undefined {
  const l = lookupsOf(entities);
  if (!l.byName) {
    l.byName = new Map();
    for (const o of entities.organizations)
      if (!l.byName.has(o.name.toLowerCase())) l.byName.set(o.name.toLowerCase(), o);
  }
  return l.byName.get(name.toLowerCase());
}

/** Organizations (not countries) of two words or more whose name ends with `word`: "Rovers" for "Castlegate Rovers". */
export function organizationsEndingWith(entities: ResolvedEntities, word: string): readonly OrganizationEntity[] {
  const l = lookupsOf(entities);
  if (!l.byLastWord) {
    l.byLastWord = new Map();
    for (const o of entities.organizations) {
      const parts = nameWords(o);
      const last = parts[parts.length - 1] ?? '';
      if (o.isCountry || parts.length < 2) continue;
      const list = l.byLastWord.get(last);
      if (list) list.push(o);
      else l.byLastWord.set(last, [o]);
    }
  }
  return l.byLastWord.get(word) ?? [];
}

/** Call after adding, removing, renaming or re-kinding an organization, or moving its mentions. */
export function organizationsChanged(entities: ResolvedEntities): void {
  lookups.delete(entities);
}

/**
 * The organization mentioned last before `at` (outside quotations) that passes
 * `accept`; `key` names the predicate, so each is evaluated once per mention.
 */
export function latestOrganization(
  entities: ResolvedEntities,
  at: number,
  key: string,
  accept: (o: OrganizationEntity) => boolean,
): OrganizationEntity | null {
  return organizationTimeline(entities).latest(at, key, (e) => !e.inQuote && accept(e.entity));
}

/** The organization `accept` allows that is named most often before `at`; a tie goes to the lower `rank`, by default the one named first. */
export function mostMentionedOrganization(
  entities: ResolvedEntities,
  at: number,
  key: string,
  accept: (o: OrganizationEntity) => boolean,
  rank?: (o: OrganizationEntity) => number,
): OrganizationEntity | null {
  return organizationTimeline(entities).leader(at, key, (e) => !e.inQuote && accept(e.entity), rank);
}

/** "the company": an organization whose name has this word. */
export function latestNamedWith(entities: ResolvedEntities, at: number, word: string): OrganizationEntity | null {
  return latestOrganization(entities, at, `word:${word}`, (o) => !o.isCountry && nameWords(o).includes(word));
}

/** Does the organization have a mention starting in [from, to)? Its mentions are in reading order. */
function mentionedBetween(org: OrganizationEntity, from: number, to: number): boolean {
  let lo = 0;
  let hi = org.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((org.mentions[mid]?.start ?? Infinity) < from) lo = mid + 1;
    else hi = mid;
  }
  const m = org.mentions[lo];
  return !!m && m.start < to;
}

function nameWords(o: OrganizationEntity): string[] {
  return o.name.toLowerCase().split(/\s+/);
}

/**
 * "the university", "the group's": the organization last named with that
 * word in its name, else the one of the kind the noun names that the story
 * has named most so far ("the company" is the story's company, not the
 * analyst's firm named in passing), the one named first on a tie.
 */
export function organizationForNoun(
  entities: ResolvedEntities,
  noun: string,
  at: number,
  lang: LanguagePack,
): OrganizationEntity | null {
  const named = latestNamedWith(entities, at, noun);
  if (named) return named;
  const kinds = lang.organizations.kindsOfNoun.get(noun);
  if (!kinds) return null;
  return mostMentionedOrganization(entities, at, `kinds:${noun}`, (o) => !o.isCountry && kinds.includes(o.kind));
}

/** How far back "its" looks for the organization it stands for. */
const POSSESSIVE_REACH_SENTENCES = 2;

/** "its president": the organization named last, in this sentence or the two before it. */
export function organizationForPossessive(
  index: ArticleIndex,
  entities: ResolvedEntities,
  at: number,
): OrganizationEntity | null {
  const { tokens, sentences } = index.doc;
  const sentence = tokens[firstTokenAtOrAfter(tokens, at)]?.sentence ?? 0;
  const from = tokens[sentences[Math.max(0, sentence - POSSESSIVE_REACH_SENTENCES)]?.firstToken ?? 0]?.start ?? 0;
  const org = latestOrganization(entities, at, 'not-media', (o) => !o.isCountry && o.kind !== 'media');
  return org && mentionedBetween(org, from, at) ? org : null;
}

function placeInDateline(opening: string): RegExpExecArray | null {
  for (const style of DATELINE_STYLES) {
    const m = style.place?.exec(opening);
    if (m) return m;
  }
  return null;
}

/**
 * The place a story is datelined in ("PORT CALDER —", "HOLLIS COUNTY
 * (Coastline Wire) —"), written as the body writes it, provided the body names
 * it again outside the dateline: that is the story's home.
 */
export function datelinePlace(doc: ArticleText): string | null {
  for (const p of doc.paragraphs.slice(0, 3)) {
    const opening = doc.body.slice(p.start, Math.min(p.end, p.start + 120));
    const m = placeInDateline(opening);
    if (!m?.[1]) continue;
    const written = m[1]
      .toLowerCase()
      .replace(/(^|[\s'’-])(\p{L})/gu, (_w, sep: string, c: string) => sep + c.toUpperCase());
    const elsewhere = doc.body.indexOf(written, p.start + m[0].length);
    return elsewhere >= 0 ? written : null;
  }
  return null;
}

/**
 * The government of a place, as an organization: found among the
 * organizations, or added to them with the place's mentions in the body.
 */
export function localGovernment(
  entities: ResolvedEntities,
  place: string,
  mentions: readonly NameMention[],
): OrganizationEntity {
  const existing = organizationNamed(entities, place);
  if (existing) {
    if (existing.kind === 'other') {
      existing.kind = 'government';
      organizationsChanged(entities);
    }
    return existing;
  }
  const org: OrganizationEntity = {
    type: 'organization',
    id: -1 - entities.organizations.length,
    name: place,
    kind: 'government',
    aliases: new Set(),
    mentions: placeMentions(mentions).get(place) ?? [],
    isCountry: false,
  };
  entities.organizations.push(org);
  organizationsChanged(entities);
  return org;
}

const placeMentionsOf = new WeakMap<readonly NameMention[], Map<string, NameMention[]>>();

/** Body mentions of places, by name, gathered once per list of mentions. */
function placeMentions(mentions: readonly NameMention[]): Map<string, NameMention[]> {
  let byName = placeMentionsOf.get(mentions);
  if (!byName) {
    byName = new Map();
    for (const m of mentions) {
      if (m.kind !== 'place' || m.inQuote) continue;
      const list = byName.get(m.name);
      if (list) list.push(m);
      else byName.set(m.name, [m]);
    }
    placeMentionsOf.set(mentions, byName);
  }
  return byName;
}

const CONNECTORS = new Set(['and', 'on', 'of', 'the', 'for', '&', 'at', 'in']);

/** First words of a body that belongs to one town or city: "City Council", "Harbor Authority", "Police Department". */
const LOCAL_BODY_OPENERS = new Set([
  'city',
  'town',
  'county',
  'village',
  'borough',
  'municipal',
  'township',
  'harbor',
  'harbour',
  'port',
  'police',
  'fire',
  'parks',
  'planning',
  'zoning',
  'transit',
  'school',
  'water',
]);

/**
 * "Harbor Authority" after "Port Calder Harbor Authority" is the same body:
 * a name that is the tail of exactly one longer name merges into it. A local
 * body named only by its generic name ("City Council") in a story datelined
 * in Port Calder is Port Calder's, and is named so.
 */
export function mergeShortOrganizationNames(
  given: ResolvedEntities,
  home: string | null,
  lang: LanguagePack,
): ResolvedEntities {
  // Nothing changes until the first short name merges or is placed, and in most articles none is: then no copy.
  const before = shortNameChanges(given.organizations, home, lang);
  if (!given.organizations.some((short) => before.changeFor(short, new Set()) !== null)) return given;
  const entities = copyEntities(given);
  const { changeFor } = shortNameChanges(entities.organizations, home, lang);
  const merged = new Set<OrganizationEntity>();
  for (const short of entities.organizations) {
    const change = changeFor(short, merged);
    if (change?.mergeInto) {
      const owner = change.mergeInto;
      for (const m of short.mentions) {
        owner.mentions.push(m);
        entities.entityOf.set(m, owner);
      }
      owner.mentions.sort((a, b) => a.start - b.start);
      for (const alias of [short.name, ...short.aliases]) owner.aliases.add(alias);
      merged.add(short);
    } else if (change?.placeIn) {
      short.aliases.add(short.name);
      short.name = `${change.placeIn} ${short.name}`;
    }
  }
  if (merged.size > 0) {
    const kept = entities.organizations.filter((o) => !merged.has(o));
    entities.organizations.length = 0;
    for (const o of kept) entities.organizations.push(o);
  }
  organizationsChanged(entities);
  return entities;
}

/**
 * What happens to each short name, given the bodies merged away so far: merged into the one longer name it ends,
 * placed in the story's home, or nothing. Read from the names as they were handed in, which is all it depends on.
 */
function shortNameChanges(
  organizations: readonly OrganizationEntity[],
  home: string | null,
  lang: LanguagePack,
): {
  changeFor(
    short: OrganizationEntity,
    merged: ReadonlySet<OrganizationEntity>,
  ): { mergeInto?: OrganizationEntity; placeIn?: string } | null;
} {
  const words = (name: string) => lang.organizations.canonicalSpelling(name).toLowerCase().split(/\s+/);
  // Every proper tail of two words or more, of every name, with a plain name (no "on", "and") before it.
  const byTail = new Map<string, OrganizationEntity[]>();
  for (const o of organizations) {
    if (o.isCountry) continue;
    const w = words(o.name);
    for (let cut = 1; cut <= w.length - 2; cut++) {
      if (CONNECTORS.has(w[cut - 1] ?? '')) break;
      const key = w.slice(cut).join(' ');
      const list = byTail.get(key) ?? [];
      list.push(o);
      byTail.set(key, list);
    }
  }
  const changeFor = (short: OrganizationEntity, merged: ReadonlySet<OrganizationEntity>) => {
    const tail = words(short.name);
    // A body known by its short name ("Democratic Party") is not the state branch ("Iowa Democratic Party").
    if (short.isCountry || tail.length < 2 || lang.organizations.known(short.name)) return null;
    const longer = (byTail.get(tail.join(' ')) ?? []).filter((o) => o !== short && !merged.has(o));
    const owner = longer[0];
    if (longer.length === 1 && owner) return { mergeInto: owner };
    const local = (short.kind === 'government' || short.kind === 'agency') && LOCAL_BODY_OPENERS.has(tail[0] ?? '');
    const alreadyPlaced =
      home !== null &&
      lang.organizations
        .canonicalSpelling(short.name)
        .toLowerCase()
        .startsWith(`${lang.organizations.canonicalSpelling(home).toLowerCase()} `);
    return longer.length === 0 && home && local && !alreadyPlaced ? { placeIn: home } : null;
  };
  return { changeFor };
}
