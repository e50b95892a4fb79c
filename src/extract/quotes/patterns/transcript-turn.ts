import type { PersonEntity } from '../../entities/entity-types.ts';
import type { ResolvedEntities } from '../../entities/resolve.ts';
import type { ArticleIndex } from '../../text/article-index.ts';
import type { ParagraphPattern, SpeechBeside } from './unit.ts';

/** "Q:", "A:", "VOSS:", "Hannah Voss:" at the start of a paragraph. */
const TURN_LABEL =
  /^(Q|A|\p{Lu}[\p{Lu}\p{M}'’.-]+(?: \p{Lu}[\p{Lu}\p{M}'’.-]+){0,2}|\p{Lu}[\p{L}\p{M}'’.-]+(?: \p{Lu}[\p{L}\p{M}'’.-]+){1,3})\s?:\s+/u;

export const transcriptTurn: ParagraphPattern = {
  name: 'transcript-turn',
  reads: 'paragraph',
  matches: 'Q: … / A: … turns (A is the person the introduction is about), and VOSS: or Hannah Voss: turns',
  speaker:
    'for A:, the first person named before the interview starts; otherwise the one person of the article with that name',
  confidence: 0.7,
  examples: [
    {
      text: 'Ferry talk\n\nCaptain Rhona Skene has sailed the island route for twenty years.\n\nQ: What changed this winter?\n\nA: The storms came closer together than I have ever known.',
      quote: 'The storms came closer together than I have ever known.',
      speaker: 'Rhona Skene',
    },
    {
      text: 'Sea wall meeting\n\nCouncillor Joan Pryor and engineer Martin Ellery met residents on Thursday.\n\nELLERY: Patching was never the problem. The sea is higher than it was.',
      quote: 'Patching was never the problem. The sea is higher than it was.',
      speaker: 'Martin Ellery',
    },
  ],
  find(index, entities) {
    return transcriptTurns(index, entities);
  },
};

function transcriptTurns(index: ArticleIndex, entities: ResolvedEntities): SpeechBeside[] {
  const { doc } = index;
  const labelled = doc.paragraphs.map((p, i) => ({
    i,
    p,
    label: TURN_LABEL.exec(doc.body.slice(p.start, Math.min(p.end, p.start + 60))),
  }));
  const questions = labelled.filter((l) => l.label?.[1] === 'Q');
  const answers = labelled.filter((l) => l.label?.[1] === 'A');
  // "A:" alone is a list item or a heading; a transcript has questions and answers.
  const isInterview = questions.length > 0 && answers.length > 0;
  const firstTurn = Math.min(questions[0]?.p.start ?? Infinity, answers[0]?.p.start ?? Infinity);
  const interviewee = isInterview ? introducedPerson(index, entities, firstTurn) : null;
  const turns: SpeechBeside[] = [];
  const bySurname = new Map<string, PersonEntity[]>();
  for (const person of entities.people) {
    const list = bySurname.get(person.surname);
    if (list) list.push(person);
    else bySurname.set(person.surname, [person]);
  }
  for (const { i, p, label } of labelled) {
    if (!label || label[1] === 'Q') continue;
    const textStart = p.start + label[0].length;
    if (label[1] === 'A') {
      if (interviewee)
        turns.push({
          paragraph: i,
          from: textStart,
          skipHeading: false,
          speaker: { phrase: null, adjacentSpeaker: { entity: interviewee, label: 'A' } },
        });
      continue;
    }
    const person = personNamed(bySurname, label[1] ?? '');
    if (person)
      turns.push({
        paragraph: i,
        from: textStart,
        skipHeading: false,
        speaker: { phrase: null, adjacentSpeaker: { entity: person, label: label[1] ?? '' } },
      });
  }
  return turns;
}

/** The first person the text names before the interview starts: whom the introduction is about. */
function introducedPerson(index: ArticleIndex, entities: ResolvedEntities, before: number): PersonEntity | null {
  for (const m of index.mentions) {
    if (m.start >= before) break;
    if (m.inQuote) continue;
    const entity = entities.entityOf.get(m);
    if (entity?.type === 'person') return entity;
  }
  return null;
}

/** "VOSS", "Hannah Voss": one person of the article with that name or surname. */
function personNamed(bySurname: ReadonlyMap<string, PersonEntity[]>, label: string): PersonEntity | null {
  const words = label.toLowerCase().split(' ');
  const surname = words[words.length - 1] ?? '';
  const found = (bySurname.get(surname) ?? []).filter((p) => words.length === 1 || p.given === words[0]);
  return found.length === 1 ? (found[0] ?? null) : null;
}
