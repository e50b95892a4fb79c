// Gender from the text itself, for names the lexicon cannot place: a person
// named as a subject and followed by "he"/"his" (or "she"/"her") before anyone
// else is named is probably that gender. Used only where gender was unknown.

import { copyEntitiesAndMentions } from './copy.ts';
import type { Gender } from '../language/pack.ts';
import type { ArticleIndex } from '../text/article-index.ts';
import type { PersonEntity } from './entity-types.ts';
import type { ResolvedEntities } from './resolve.ts';

const PRONOUN_GENDER = new Map<string, Gender>([
  ['he', 'male'],
  ['his', 'male'],
  ['him', 'male'],
  ['she', 'female'],
  ['her', 'female'],
  ['hers', 'female'],
]);

export function inferGendersFromPronouns(index: ArticleIndex, entities: ResolvedEntities): ResolvedEntities {
  const { tokens, sentences } = index.doc;
  const votes = new Map<PersonEntity, { male: number; female: number }>();
  let focus: PersonEntity | null = null;
  sentences.forEach((s, si) => {
    // A focus carries over into the next sentence only as far as its first word.
    if (si > 0 && focus) {
      const opener = tokens[s.firstToken];
      const gender = opener && opener.quote < 0 ? PRONOUN_GENDER.get(opener.lower) : undefined;
      if (gender && (opener?.lower === 'he' || opener?.lower === 'she')) vote(votes, focus, gender);
    }
    focus = null;
    for (let k = s.firstToken; k < s.endToken; k++) {
      const t = tokens[k];
      if (!t || t.quote >= 0) continue;
      const m = index.mentionStartingAt.get(k);
      const e = m && !m.inQuote ? entities.entityOf.get(m) : undefined;
      if (m && !m.inQuote && (m.kind === 'person' || m.kind === 'organization' || m.kind === 'country')) {
        focus = e && e.type === 'person' ? e : null;
        k = m.endToken - 1;
        continue;
      }
      const gender = PRONOUN_GENDER.get(t.lower);
      if (gender && focus) vote(votes, focus, gender);
    }
  });
  const inferred: Array<[PersonEntity, Gender]> = [];
  for (const [person, v] of votes) {
    if (person.gender !== null) continue;
    if (v.male >= 1 && v.male >= 2 * v.female) inferred.push([person, 'male']);
    else if (v.female >= 1 && v.female >= 2 * v.male) inferred.push([person, 'female']);
  }
  // Most articles give every person their gender by name or by nothing: then there is nothing to copy.
  if (inferred.length === 0) return entities;
  const copied = copyEntitiesAndMentions(entities, []);
  for (const [person, gender] of inferred) (copied.copyOf.get(person) as PersonEntity).gender = gender;
  return copied.entities;
}

function vote(votes: Map<PersonEntity, { male: number; female: number }>, person: PersonEntity, gender: Gender): void {
  const v = votes.get(person) ?? { male: 0, female: 0 };
  v[gender]++;
  votes.set(person, v);
}
