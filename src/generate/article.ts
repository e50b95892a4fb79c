// One synthetic article: headline, body and the quotes in it, with offsets that point at the
// quoted words in the body. Each article draws from its own PRNG stream (seed, index), so any
// slice of a run can be generated alone and comes out the same.
import type { QuoteKind } from '../extract/types.ts';
import type { GeneratedEntities, GeneratedOrganization, GeneratedPerson } from './entities.ts';
import { countries, towns } from './names.ts';
import {
  capitalize,
  captions,
  deks,
  directQuotes,
  fill,
  fillers,
  headlines,
  indirectQuotes,
  partialQuotes,
  relatedLinkTitles,
  topics,
} from './phrases.ts';
import { Random, type ZipfSampler } from './random.ts';

export type RelatedLinkKind = keyof typeof relatedLinkTitles;

export interface GeneratedQuote {
  text: string;
  kind: QuoteKind;
  /** Index into entities.people or entities.organizations; both null for an unidentified speaker. */
  person: number | null;
  organization: number | null;
  speakerLabel: string;
  cue: string;
  start: number;
  end: number;
  confidence: number;
}

export interface GeneratedMention {
  person: number | null;
  organization: number | null;
  count: number;
  firstOffset: number;
}

export interface GeneratedArticle {
  index: number;
  title: string;
  dek: string | null;
  imageCaption: string | null;
  body: string;
  publishedAt: Date;
  publisher: number;
  quotes: GeneratedQuote[];
  relatedLinks: { title: string; url: string | null; kind: RelatedLinkKind }[];
  mentions: GeneratedMention[];
}

export interface Popularity {
  people: ZipfSampler;
  organizations: ZipfSampler;
  publishers: ZipfSampler;
}

/** Articles are spread over these years (UTC). */
const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);

const quoteCounts = [
  [2, 1],
  [3, 2],
  [4, 4],
  [5, 6],
  [6, 8],
  [7, 6],
  [8, 4],
  [9, 2],
  [10, 2],
] as const;
const linkKinds = [
  ['article', 4],
  ['photos', 2],
  ['video', 1.5],
  ['audio', 0.5],
  ['other', 0.5],
] as const;
const unidentified = ['one resident', 'a bystander', 'a local shop owner', 'a commuter'];

type Speaker = { person: number } | { organization: number } | { unidentified: string };

/** Appends text and tracks where each piece lands, so offsets are exact by construction. */
class BodyWriter {
  private text = '';
  paragraph(): void {
    if (this.text) this.text += '\n\n';
  }
  /** Appends and returns the offset where the piece starts. */
  write(piece: string): number {
    const start = this.text.length;
    this.text += piece;
    return start;
  }
  space(): void {
    if (this.text && !this.text.endsWith('\n')) this.text += ' ';
  }
  toString(): string {
    return this.text;
  }
}

export function generateArticle(
  entities: GeneratedEntities,
  popularity: Popularity,
  seed: number,
  index: number,
): GeneratedArticle {
  const random = new Random(seed, index, 0xa271c1e);
  const topic = random.pick(topics);
  const town = random.pick(towns);
  const country = random.pick(countries).name;
  const words = () => {
    const a = random.pick(topic.keywords);
    let b = random.pick(topic.keywords);
    if (b === a) b = topic.keywords[(topic.keywords.indexOf(a) + 1) % topic.keywords.length] as string;
    return { a, b, topic: topic.name, town, country, n: String(random.int(2, 40)) };
  };
  const title = capitalize(fill(random.pick(headlines), words()));
  const dek = random.chance(0.6) ? fill(random.pick(deks), words()) : null;
  const imageCaption = random.chance(0.4) ? fill(random.pick(captions), words()) : null;
  const publishedAt = new Date(FIRST_DAY + Math.floor(random.next() * (LAST_DAY - FIRST_DAY + 86_400_000)));

  // Two to four speakers, most of them people drawn by popularity.
  const speakers: Speaker[] = [];
  const speakerCount = random.int(2, 4);
  for (let attempt = 0; speakers.length < speakerCount && attempt < 20; attempt++) {
    const roll = random.next();
    const speaker: Speaker =
      roll < 0.12
        ? { organization: entities.speakingOrganizations[popularity.organizations.draw(random)] as number }
        : roll < 0.14
          ? { unidentified: random.pick(unidentified) }
          : { person: popularity.people.draw(random) };
    if (!speakers.some((known) => JSON.stringify(known) === JSON.stringify(speaker))) speakers.push(speaker);
  }

  const body = new BodyWriter();
  const mentions = new Map<string, GeneratedMention>();
  const mention = (key: { person: number } | { organization: number }, offset: number) => {
    const id = 'person' in key ? `p${key.person}` : `o${key.organization}`;
    const known = mentions.get(id);
    if (known) known.count += 1;
    else {
      mentions.set(id, {
        person: 'person' in key ? key.person : null,
        organization: 'organization' in key ? key.organization : null,
        count: 1,
        firstOffset: offset,
      });
    }
  };
  const introduced = new Set<Speaker>();
  const quotes: GeneratedQuote[] = [];

  body.write(fill(random.pick(fillers), words()));
  const quoteCount = random.weighted(quoteCounts);
  for (let position = 0; position < quoteCount; position++) {
    // The main speaker takes about half the quotes; the first quote is always theirs.
    const speaker = (position === 0 || random.chance(0.45) ? speakers[0] : random.pick(speakers)) as Speaker;
    const kind = random.weighted<QuoteKind>([
      ['direct', 55],
      ['partial', 15],
      ['indirect', 30],
    ]);
    const values = words();
    const text =
      kind === 'direct'
        ? fill(random.pick(directQuotes), values)
        : kind === 'partial'
          ? fill(random.pick(partialQuotes), values)
          : fill(random.pick(indirectQuotes), values);
    body.paragraph();
    if (random.chance(0.35)) {
      body.write(fill(random.pick(fillers), words()));
      body.space();
    }

    let label: string;
    let subject: string;
    let nameOffsetInSubject = -1;
    if ('person' in speaker) {
      const person = entities.people[speaker.person] as GeneratedPerson;
      if (introduced.has(speaker)) {
        label = person.surname;
        subject = person.surname;
      } else {
        introduced.add(speaker);
        label = person.name;
        subject = person.introduction ? `${person.name}, ${person.introduction},` : person.name;
        nameOffsetInSubject =
          person.organization !== null && person.introduction
            ? subject.indexOf((entities.organizations[person.organization] as GeneratedOrganization).name)
            : -1;
      }
    } else if ('organization' in speaker) {
      const organization = entities.organizations[speaker.organization] as GeneratedOrganization;
      if (!introduced.has(speaker)) {
        introduced.add(speaker);
        const offset = body.write(`${organization.name} commented on the ${topic.name}.`);
        mention(speaker, offset);
        body.space();
      }
      label = random.pick(organization.spokespeople);
      subject = label;
    } else {
      label = speaker.unidentified;
      subject = label;
    }

    // Write the sentence, noting where the quoted words and the speaker's name land.
    let start: number;
    let subjectAt: number;
    let cue = 'said';
    if (kind === 'direct') {
      if (random.chance(0.5)) {
        start = body.write('"') + 1;
        body.write(`${text}," said `);
        subjectAt = body.write(subject.replace(/,$/, ''));
        body.write('.');
      } else {
        subjectAt = body.write(capitalize(subject));
        body.write(' said: "');
        start = body.write(text);
        body.write('."');
      }
    } else if (kind === 'partial') {
      cue = 'called';
      subjectAt = body.write(capitalize(subject));
      body.write(` called the ${topic.name} "`);
      start = body.write(text);
      body.write('".');
    } else if (random.chance(0.7)) {
      subjectAt = body.write(capitalize(subject));
      body.write(' said ');
      start = body.write(text);
      body.write('.');
    } else {
      cue = 'according to';
      body.write('According to ');
      subjectAt = body.write(subject.replace(/,$/, ''));
      body.write(', ');
      start = body.write(text);
      body.write('.');
    }

    if ('person' in speaker) {
      mention(speaker, subjectAt);
      const person = entities.people[speaker.person] as GeneratedPerson;
      if (nameOffsetInSubject >= 0 && person.organization !== null) {
        mention({ organization: person.organization }, subjectAt + nameOffsetInSubject);
      }
    }
    quotes.push({
      text,
      kind,
      person: 'person' in speaker ? speaker.person : null,
      organization: 'organization' in speaker ? speaker.organization : null,
      speakerLabel: label,
      cue,
      start,
      end: start + text.length,
      confidence: Math.round((0.6 + random.next() * 0.4) * 100) / 100,
    });
  }
  body.paragraph();
  body.write(fill(random.pick(fillers), words()));

  const relatedLinks: GeneratedArticle['relatedLinks'] = [];
  const linkCount = random.weighted([
    [0, 3],
    [1, 3],
    [2, 2],
    [3, 1],
    [4, 1],
  ] as const);
  for (let i = 0; i < linkCount; i++) {
    const kind = random.weighted<RelatedLinkKind>(linkKinds);
    const linkTitle = fill(random.pick(relatedLinkTitles[kind]), words());
    const url = random.chance(0.7) ? `https://links.example/${index}/${i}` : null;
    relatedLinks.push({ title: linkTitle, url, kind });
  }

  return {
    index,
    title,
    dek,
    imageCaption,
    body: body.toString(),
    publishedAt,
    publisher: popularity.publishers.draw(random),
    quotes,
    relatedLinks,
    mentions: [...mentions.values()],
  };
}
