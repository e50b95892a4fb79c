// Once "Mark Cuban" is known, a bare "Cuban" later is him, even though on its
// own the word reads as an adjective. This pass finds such surname-only
// references that the name finder could not type by itself.

import { copyEntitiesAndMentions } from './copy.ts';
import type { ArticleText } from '../text/document.ts';
import { withoutPossessive } from '../text/tokens.ts';
import { pluralPossessiveMark } from './classify-run.ts';
import type { NameMention } from './mention-types.ts';
import type { PersonEntity } from './entity-types.ts';
import { organizationsChanged } from './organization-reference.ts';
import type { ResolvedEntities } from './resolve.ts';

/**
 * "Bloomberg" is a company in the gazetteer, but once "Michael Bloomberg"
 * is in the story a bare "Bloomberg" is him. The same goes for surnames that
 * are also place names.
 */
function reclaimSurnamesTakenForOrganizations(mentions: readonly NameMention[], entities: ResolvedEntities): void {
  const bySurname = new Map<string, PersonEntity>();
  for (const p of entities.people) if (p.given !== null && !bySurname.has(p.surname)) bySurname.set(p.surname, p);
  const reclaimed = new Set<NameMention>();
  for (const m of mentions) {
    // Places too: "Mendoza" is a city to the lexicon but a person once "Angel Mendoza" is in the story.
    if ((m.kind !== 'organization' && m.kind !== 'place') || m.nameTokens.length !== 1) continue;
    const person = bySurname.get((m.nameTokens[0] ?? '').toLowerCase());
    if (!person) continue;
    if (entities.entityOf.get(m)?.type === 'organization') reclaimed.add(m);
    m.kind = 'person';
    m.organizationKind = null;
    person.mentions.push(m);
    entities.entityOf.set(m, person);
  }
  if (reclaimed.size === 0) return;
  for (const org of entities.organizations) {
    if (org.mentions.some((m) => reclaimed.has(m))) org.mentions = org.mentions.filter((m) => !reclaimed.has(m));
  }
  const kept = entities.organizations.filter((o) => o.mentions.length > 0);
  entities.organizations.length = 0;
  for (const o of kept) entities.organizations.push(o);
  organizationsChanged(entities);
}

/**
 * The mentions with the bare surnames added (in reading order), and the entities that
 * now own them: both new values, the ones handed in left as they were.
 */
export function findSurnameReferences(
  doc: ArticleText,
  givenMentions: readonly NameMention[],
  givenEntities: ResolvedEntities,
): { mentions: NameMention[]; entities: ResolvedEntities } {
  const { mentions, entities } = copyEntitiesAndMentions(givenEntities, givenMentions);
  const covered = new Uint8Array(doc.tokens.length);
  for (const m of mentions) for (let k = m.firstToken; k < m.endToken; k++) covered[k] = 1;
  reclaimSurnamesTakenForOrganizations(mentions, entities);
  const bySurname = new Map<string, (typeof entities.people)[number]>();
  for (const p of entities.people) {
    if (p.given === null || p.surname.includes(' ') || p.surname.length < 3) continue;
    if (bySurname.has(p.surname))
      bySurname.set(
        p.surname,
        bySurname.get(p.surname)!.mentions.length >= p.mentions.length ? bySurname.get(p.surname)! : p,
      );
    else bySurname.set(p.surname, p);
  }
  const found: NameMention[] = [];
  doc.tokens.forEach((t, k) => {
    if (covered[k] || !t.isWord || !t.cap) return;
    const { base, possessive: marked } = withoutPossessive(t.text);
    const possessive = marked || pluralPossessiveMark(doc.tokens, t);
    const person = bySurname.get(base.toLowerCase());
    if (!person || !/^\p{Lu}\p{Ll}/u.test(base)) return;
    const next = doc.tokens[k + 1];
    if (next?.cap && next.isWord && next.start - t.end === 1) return; // part of a longer name
    const m: NameMention = {
      kind: 'person',
      start: t.start,
      end: t.start + base.length,
      firstToken: k,
      endToken: k + 1,
      name: base,
      nameTokens: [base],
      nameStart: t.start,
      titles: [],
      gender: null,
      possessive,
      inQuote: t.quote >= 0,
      organizationKind: null,
      prefix: null,
      weak: false,
    };
    person.mentions.push(m);
    entities.entityOf.set(m, person);
    found.push(m);
  });
  for (const p of entities.people) p.mentions.sort((a, b) => a.start - b.start);
  if (found.length === 0) return { mentions, entities };
  return { mentions: [...mentions, ...found].sort((a, b) => a.start - b.start), entities };
}
