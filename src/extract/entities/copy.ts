// A stage that changes entities works on its own copy and returns it, so the
// value it was handed stays as the stage before left it. A stage that finds
// nothing to change returns the value it was handed: copying it would change
// nothing but the time taken.

import type { Entity, OrganizationEntity, PersonEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';
import type { ResolvedEntities } from './resolve.ts';

/** New people and organizations (their lists and alias sets copied too), the mentions shared: no stage changes those. */
export function copyEntities(entities: ResolvedEntities): ResolvedEntities {
  return copyEntitiesAndMentions(entities, []).entities;
}

/** As copyEntities, with these mentions copied too (for a stage that retypes them) and every reference to them moved to the copies. */
export function copyEntitiesAndMentions(
  entities: ResolvedEntities,
  mentions: readonly NameMention[],
): { entities: ResolvedEntities; mentions: NameMention[]; copyOf: ReadonlyMap<Entity, Entity> } {
  const mentionCopy = new Map<NameMention, NameMention>();
  const copies = mentions.map((m) => {
    const copy = { ...m };
    mentionCopy.set(m, copy);
    return copy;
  });
  const moved = (list: readonly NameMention[]) =>
    mentionCopy.size === 0 ? [...list] : list.map((m) => mentionCopy.get(m) ?? m);
  const copyOf = new Map<Entity, Entity>();
  const people = entities.people.map((p) => {
    const copy: PersonEntity = { ...p, aliases: new Set(p.aliases), roles: [...p.roles], mentions: moved(p.mentions) };
    copyOf.set(p, copy);
    return copy;
  });
  const organizations = entities.organizations.map((o) => {
    const copy: OrganizationEntity = { ...o, aliases: new Set(o.aliases), mentions: moved(o.mentions) };
    copyOf.set(o, copy);
    return copy;
  });
  const entityOf = new Map<NameMention, Entity>();
  for (const [m, e] of entities.entityOf) entityOf.set(mentionCopy.get(m) ?? m, copyOf.get(e) ?? e);
  return { entities: { people, organizations, entityOf }, mentions: copies, copyOf };
}
