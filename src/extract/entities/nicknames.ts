// "Mr. Bush, known as Jeb," says what a person goes by: the nickname and the
// surname are the name the story (and everyone else) uses, so "Jeb Bush"
// later in the text is the same person, and the canonical name.

import { copyEntities } from './copy.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { PersonEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';
import type { ResolvedEntities } from './resolve.ts';

/** Words that introduce the name someone goes by, after a comma or an opening parenthesis. */
const KNOWN_AS = [['known', 'as'], ['better', 'known', 'as'], ['nicknamed'], ['called']];

export function applyNicknames(index: ArticleIndex, given: ResolvedEntities): ResolvedEntities {
  // Until a nickname is adopted nothing changes, and most articles name none: then there is nothing to copy.
  if (!index.mentions.some((m) => nicknameAfter(index, given, m) !== null)) return given;
  const entities = copyEntities(given);
  const people = new PeopleByName(entities.people);
  for (const m of index.mentions) {
    const found = nicknameAfter(index, entities, m);
    if (found) adoptNickname(entities, people, found.person, found.nickname);
  }
  if (people.merged.size > 0) {
    const kept = entities.people.filter((p) => !people.merged.has(p));
    entities.people.length = 0;
    for (const p of kept) entities.people.push(p);
  }
  return entities;
}

/** People by given name and surname, and bare names by their one word, for the merges below. */
class PeopleByName {
  private readonly byName = new Map<string, PersonEntity[]>();
  readonly merged = new Set<PersonEntity>();

  constructor(people: readonly PersonEntity[]) {
    for (const p of people) {
      const key = p.given === null ? `|${p.surname}` : `${p.given}|${p.surname}`;
      const list = this.byName.get(key);
      if (list) list.push(p);
      else this.byName.set(key, [p]);
    }
  }

  /** People named `given surname`, and those called by the bare word `given`, not yet merged away. */
  named(given: string, surname: string): PersonEntity[] {
    return [...(this.byName.get(`${given}|${surname}`) ?? []), ...(this.byName.get(`|${given}`) ?? [])].filter(
      (p) => !this.merged.has(p),
    );
  }
}

/** "Mr. Bush, known as Jeb,": the person a mention names and the nickname written after it, or null. */
function nicknameAfter(
  index: ArticleIndex,
  entities: ResolvedEntities,
  m: NameMention,
): { person: PersonEntity; nickname: string } | null {
  const { tokens } = index.doc;
  const person = entities.entityOf.get(m);
  if (person?.type !== 'person' || m.inQuote) return null;
  const opener = tokens[m.endToken];
  if (opener?.text !== ',' && opener?.text !== '(') return null;
  const nickAt = afterKnownAs(index, m.endToken + 1);
  const nick = nickAt >= 0 ? tokens[nickAt] : undefined;
  if (!nick?.cap || !nick.isWord || tokens[nickAt + 1]?.cap) return null;
  return { person, nickname: nick.text };
}

function afterKnownAs(index: ArticleIndex, from: number): number {
  const { tokens } = index.doc;
  for (const words of KNOWN_AS) {
    if (words.every((w, i) => tokens[from + i]?.lower === w)) return from + words.length;
  }
  return -1;
}

function adoptNickname(entities: ResolvedEntities, people: PeopleByName, person: PersonEntity, nickname: string): void {
  const given = nickname.toLowerCase();
  // Another person built from "Jeb Bush" (or a bare "Jeb") is this one.
  let mergedAny = false;
  for (const other of people.named(given, person.surname)) {
    if (other === person) continue;
    mergedAny = true;
    for (const m of other.mentions) {
      person.mentions.push(m);
      entities.entityOf.set(m, person);
      const written = m.nameTokens.join(' ');
      if (written !== person.name) person.aliases.add(written);
    }
    for (const r of other.roles) if (!person.roles.includes(r)) person.roles.push(r);
    people.merged.add(other);
  }
  if (mergedAny) person.mentions.sort((a, b) => a.start - b.start);
  const surnameAsWritten = person.name.split(' ').slice(-person.surname.split(' ').length).join(' ');
  const name = `${nickname} ${surnameAsWritten}`;
  if (name !== person.name) {
    person.aliases.add(person.name);
    person.name = name;
  }
}
