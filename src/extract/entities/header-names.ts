// Names in the headline, dek and caption are not in the body, but they can
// tell us a spelling ("Seth Rogan" in a caption is the body's Seth Rogen).

import { copyEntitiesAndMentions } from './copy.ts';
import type { PersonEntity } from './entity-types.ts';
import type { LanguagePack } from '../language/pack.ts';
import { analyseText } from '../text/document.ts';
import { editDistanceAtMostOne } from './near-duplicates.ts';
import { nameParts, type ResolvedEntities } from './resolve.ts';
import { findNameMentions } from './mentions.ts';

/** Headlines, deks and captions are short; a page that puts a book in one is read only this far. */
const MAX_HEADER_CHARS = 2000;

export function mergeHeaderNames(
  given: ResolvedEntities,
  headerTexts: ReadonlyArray<string | null>,
  language: LanguagePack,
): ResolvedEntities {
  const aliases: Array<[PersonEntity, string]> = [];
  for (const text of headerTexts) {
    if (!text) continue;
    for (const m of findNameMentions(analyseText([text], language, MAX_HEADER_CHARS), { includeHeadings: true })) {
      if (m.kind !== 'person' || m.nameTokens.length < 2) continue;
      const parts = nameParts(m.nameTokens, language);
      const written = m.nameTokens.join(' ');
      const owner =
        given.people.find((p) => p.given === parts.given && p.surname === parts.surname) ??
        given.people.find(
          (p) =>
            p.given !== null &&
            p.given === parts.given &&
            p.surname.length >= 4 &&
            editDistanceAtMostOne(p.surname, parts.surname) === 1,
        );
      if (owner && written !== owner.name && !owner.aliases.has(written)) aliases.push([owner, written]);
    }
  }
  // A header seldom spells a name otherwise than the body: then the entities are handed on as they came.
  if (aliases.length === 0) return given;
  const copied = copyEntitiesAndMentions(given, []);
  for (const [owner, written] of aliases) (copied.copyOf.get(owner) as PersonEntity).aliases.add(written);
  return copied.entities;
}
