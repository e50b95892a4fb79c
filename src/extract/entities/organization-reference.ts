// Organizations referred to without their name: "the company", "its
// president", "the town's planning director", and the local government of
// the place a story is datelined in ("PORT CALDER —" … "Mayor Elena Márquez").

import { canonicalSpelling, KINDS_OF_ORGANIZATION_NOUN, knownOrganization } from '../lexicon/organizations.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { ArticleText } from '../text/document.ts';
import { firstTokenAtOrAfter } from '../quotes/locate.ts';
import type { OrganizationEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';
import type { ResolvedEntities } from './resolve.ts';

/** Nouns for the local government of a place: "the city said", "the town's planning director". */
export const LOCAL_GOVERNMENT_NOUNS: ReadonlySet<string> = new Set(['city', 'town', 'county', 'village', 'borough', 'township', 'municipality']);

/** The organization mentioned last before `at` (outside quotations) that passes `accept`. */
export function latestOrganization(entities: ResolvedEntities, at: number, accept: (o: OrganizationEntity) => boolean): OrganizationEntity | null {
  let best: OrganizationEntity | null = null;
  let bestAt = -1;
  for (const org of entities.organizations) {
    if (!accept(org)) continue;
    for (const m of org.mentions) {
      if (m.start >= 0 && m.start < at && !m.inQuote && m.start > bestAt) {
        best = org;
        bestAt = m.start;
      }
    }
  }
  return best;
}

/**
 * "the university", "the group's": the organization last named with that
 * word in its name, else the one of the kind the noun names that the story
 * has named most so far ("the company" is the story's company, not the
 * analyst's firm named in passing), the one named first on a tie.
 */
export function organizationForNoun(entities: ResolvedEntities, noun: string, at: number): OrganizationEntity | null {
  const named = latestOrganization(entities, at, (o) => !o.isCountry && o.name.toLowerCase().split(/\s+/).includes(noun));
  if (named) return named;
  const kinds = KINDS_OF_ORGANIZATION_NOUN.get(noun);
  if (!kinds) return null;
  let best: OrganizationEntity | null = null;
  let bestCount = 0;
  let bestFirst = Number.POSITIVE_INFINITY;
  for (const org of entities.organizations) {
    if (org.isCountry || !kinds.includes(org.kind)) continue;
    const before = org.mentions.filter((m) => m.start >= 0 && m.start < at && !m.inQuote);
    const first = before[0]?.start ?? Number.POSITIVE_INFINITY;
    if (before.length > bestCount || (before.length === bestCount && before.length > 0 && first < bestFirst)) {
      best = org;
      bestCount = before.length;
      bestFirst = first;
    }
  }
  return best;
}

/** How far back "its" looks for the organization it stands for. */
const POSSESSIVE_REACH_SENTENCES = 2;

/** "its president": the organization named last, in this sentence or the two before it. */
export function organizationForPossessive(index: ArticleIndex, entities: ResolvedEntities, at: number): OrganizationEntity | null {
  const { tokens, sentences } = index.doc;
  const sentence = tokens[firstTokenAtOrAfter(tokens, at)]?.sentence ?? 0;
  const from = tokens[sentences[Math.max(0, sentence - POSSESSIVE_REACH_SENTENCES)]?.firstToken ?? 0]?.start ?? 0;
  const org = latestOrganization(entities, at, (o) => !o.isCountry && o.kind !== 'media');
  return org && org.mentions.some((m) => m.start >= from && m.start < at) ? org : null;
}

/**
 * The place a story is datelined in ("PORT CALDER —", "HOLLIS COUNTY
 * (Coastline Wire) —"), written as the body writes it, provided the body names
 * it again outside the dateline: that is the story's home.
 */
export function datelinePlace(doc: ArticleText): string | null {
  for (const p of doc.paragraphs.slice(0, 3)) {
    const opening = doc.body.slice(p.start, Math.min(p.end, p.start + 120));
    const m = /^([A-Z][A-Z.'’ -]{1,40}?[A-Z.])(?:,[^—–\n]{1,30})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--)\s/.exec(opening);
    if (!m || !m[1]) continue;
    const written = m[1].toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_w, sep: string, c: string) => sep + c.toUpperCase());
    const elsewhere = doc.body.indexOf(written, p.start + m[0].length);
    return elsewhere >= 0 ? written : null;
  }
  return null;
}

/**
 * The government of a place, as an organization: found among the
 * organizations, or added to them with the place's mentions in the body.
 */
export function localGovernment(entities: ResolvedEntities, place: string, mentions: readonly NameMention[]): OrganizationEntity {
  const existing = entities.organizations.find((o) => o.name.toLowerCase() === place.toLowerCase());
  if (existing) {
    if (existing.kind === 'other') existing.kind = 'government';
    return existing;
  }
  const org: OrganizationEntity = {
    type: 'organization',
    id: -1 - entities.organizations.length,
    name: place,
    kind: 'government',
    aliases: new Set(),
    mentions: mentions.filter((m) => m.kind === 'place' && m.name === place && !m.inQuote),
    isCountry: false,
  };
  entities.organizations.push(org);
  return org;
}

const CONNECTORS = new Set(['and', 'on', 'of', 'the', 'for', '&', 'at', 'in']);

/** First words of a body that belongs to one town or city: "City Council", "Harbor Authority", "Police Department". */
const LOCAL_BODY_OPENERS = new Set(['city', 'town', 'county', 'village', 'borough', 'municipal', 'township', 'harbor', 'harbour', 'port', 'police', 'fire', 'parks', 'planning', 'zoning', 'transit', 'school', 'water']);

/**
 * "Harbor Authority" after "Port Calder Harbor Authority" is the same body:
 * a name that is the tail of exactly one longer name merges into it. A local
 * body named only by its generic name ("City Council") in a story datelined
 * in Port Calder is Port Calder's, and is named so.
 */
export function mergeShortOrganizationNames(entities: ResolvedEntities, home: string | null): void {
  const words = (name: string) => canonicalSpelling(name).toLowerCase().split(/\s+/);
  // Every proper tail of two words or more, of every name, with a plain name (no "on", "and") before it.
  const byTail = new Map<string, OrganizationEntity[]>();
  for (const o of entities.organizations) {
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
  for (const short of [...entities.organizations]) {
    const tail = words(short.name);
    // A body known by its short name ("Democratic Party") is not the state branch ("Iowa Democratic Party").
    if (short.isCountry || tail.length < 2 || knownOrganization(short.name)) continue;
    const longer = (byTail.get(tail.join(' ')) ?? []).filter((o) => o !== short && entities.organizations.includes(o));
    const owner = longer[0];
    if (longer.length === 1 && owner) {
      for (const m of short.mentions) {
        owner.mentions.push(m);
        entities.entityOf.set(m, owner);
      }
      owner.mentions.sort((a, b) => a.start - b.start);
      for (const alias of [short.name, ...short.aliases]) owner.aliases.add(alias);
      entities.organizations.splice(entities.organizations.indexOf(short), 1);
      continue;
    }
    const local = (short.kind === 'government' || short.kind === 'agency') && LOCAL_BODY_OPENERS.has(tail[0] ?? '');
    const alreadyPlaced = home !== null && canonicalSpelling(short.name).toLowerCase().startsWith(`${canonicalSpelling(home).toLowerCase()} `);
    if (longer.length === 0 && home && local && !alreadyPlaced) {
      short.aliases.add(short.name);
      short.name = `${home} ${short.name}`;
    }
  }
}
