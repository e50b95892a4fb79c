// ExtractedArticle → database, in one transaction. Re-ingesting the same article (same URL, or
// same normalised text when there is no URL) updates it in place: the article, its quotes and
// its links keep their ids, and the graph comes out the same.
import type { Database } from '../db/client.ts';
import type { ExtractedArticle, ExtractedOrganization, ExtractedPerson } from '../extract/types.ts';
import { addArticleAffiliations } from '../store/affiliations.ts';
import { upsertArticle } from '../store/articles.ts';
import { invalid } from '../store/errors.ts';
import { replaceArticleLinks } from '../store/links.ts';
import { articleReferences, replaceArticleMentions, type MentionTally } from '../store/mentions.ts';
import { replaceArticleQuotes } from '../store/quotes.ts';
import { writeTransaction, type WriteDeadline } from '../store/transaction.ts';
import { resolveEntities, type PreviousLinks, type ResolvedEntities } from './entities.ts';

export interface ArticleMetadata {
  /** Canonical URL; the identity of the article when given. */
  url?: string | null;
  /** Overrides the extracted headline. */
  title?: string | null;
  publishedAt?: Date | null;
  /** Publisher name; created on first use. */
  publisher?: string | null;
  language?: string | null;
}

export interface IngestResult {
  articleId: number;
  created: boolean;
  quoteIds: number[];
  personIds: number[];
  organizationIds: number[];
  warnings: string[];
}

function checkOffsets(extracted: ExtractedArticle): void {
  extracted.quotes.forEach((quote, index) => {
    if (!(Number.isInteger(quote.start) && Number.isInteger(quote.end))) {
      throw invalid(`quote ${index + 1} has non-integer offsets`, `quotes[${index}].start`);
    }
    if (quote.start < 0 || quote.end < quote.start || quote.end > extracted.body.length) {
      throw invalid(
        `quote ${index + 1} offsets ${quote.start}..${quote.end} fall outside the article body (length ${extracted.body.length})`,
        `quotes[${index}].start`,
      );
    }
  });
}

/** Every speaker becomes a known entity, even if the extractor listed it only on the quote. */
function withSpeakers(extracted: ExtractedArticle): {
  people: ExtractedPerson[];
  organizations: ExtractedOrganization[];
} {
  const peopleList = [...extracted.people];
  const organizationList = [...extracted.organizations];
  const knownPeople = new Set(peopleList.flatMap((p) => [p.name, ...p.aliases]));
  const knownOrganizations = new Set(organizationList.flatMap((o) => [o.name, ...o.aliases]));
  for (const quote of extracted.quotes) {
    const speaker = quote.speaker;
    if (!speaker) continue;
    if (speaker.type === 'person' && !knownPeople.has(speaker.name)) {
      knownPeople.add(speaker.name);
      peopleList.push({ name: speaker.name, aliases: [], roles: [], mentions: 0, firstOffset: quote.start });
    } else if (speaker.type === 'organization' && !knownOrganizations.has(speaker.name)) {
      knownOrganizations.add(speaker.name);
      organizationList.push({ name: speaker.name, kind: 'other', aliases: [], mentions: 0, firstOffset: quote.start });
    }
  }
  return { people: peopleList, organizations: organizationList };
}

function titleOf(extracted: ExtractedArticle, metadata: ArticleMetadata): string {
  const title = metadata.title?.trim() || extracted.title?.trim();
  if (title) return title;
  const firstLine = extracted.body.split('\n').find((line) => line.trim()) ?? '';
  return firstLine.length > 90 ? `${firstLine.slice(0, 87).trimEnd()}…` : firstLine || 'Untitled';
}

function speakerIds(entities: ResolvedEntities, speaker: ExtractedArticle['quotes'][number]['speaker']) {
  if (!speaker) return { speakerPersonId: null, speakerOrganizationId: null };
  if (speaker.type === 'person') {
    return { speakerPersonId: entities.personIds.get(speaker.name) ?? null, speakerOrganizationId: null };
  }
  return { speakerPersonId: null, speakerOrganizationId: entities.organizationIds.get(speaker.name) ?? null };
}

/** Mentions per stored entity: two extracted names can resolve to one, and their counts add up. */
function mentionTallies(
  found: { people: ExtractedPerson[]; organizations: ExtractedOrganization[] },
  entities: ResolvedEntities,
) {
  const people = new Map<number, MentionTally>();
  const organizations = new Map<number, MentionTally>();
  const tally = (
    target: Map<number, MentionTally>,
    id: number | undefined,
    entity: { mentions: number; firstOffset: number },
  ) => {
    if (id === undefined) return;
    const seen = target.get(id);
    target.set(id, {
      count: (seen?.count ?? 0) + Math.max(entity.mentions, 1),
      firstOffset: Math.min(seen?.firstOffset ?? Number.MAX_SAFE_INTEGER, Math.max(entity.firstOffset, 0)),
    });
  };
  for (const person of found.people) tally(people, entities.personIds.get(person.name), person);
  for (const org of found.organizations) tally(organizations, entities.organizationIds.get(org.name), org);
  return { people, organizations };
}

function affiliationRows(extracted: ExtractedArticle, entities: ResolvedEntities) {
  return extracted.affiliations.flatMap((affiliation) => {
    const personId = entities.personIds.get(affiliation.person);
    const organizationId = entities.organizationIds.get(affiliation.organization);
    if (personId === undefined || organizationId === undefined) return [];
    return [{ personId, organizationId, role: affiliation.role }];
  });
}
function warningsFor(extracted: ExtractedArticle): string[] {
  const warnings: string[] = [];
  if (extracted.quotes.length === 0) warnings.push('no quotes found');
  extracted.quotes.forEach((quote, index) => {
    if (!quote.speaker) warnings.push(`speaker of quote ${index + 1} unresolved`);
  });
  return warnings;
}

/** Stores one extracted article with its quotes, entities, links and mentions, all or nothing. */
export async function ingestArticle(
  db: Database,
  extracted: ExtractedArticle,
  metadata: ArticleMetadata = {},
  options: {
    deadline?: WriteDeadline;
    /** Runs inside the transaction after every write, before the commit (the queue's kill test pauses here). */
    beforeCommit?: () => Promise<void>;
  } = {},
): Promise<IngestResult> {
  checkOffsets(extracted);
  // Retried as a whole when a concurrent write got in the way (see store/transaction.ts).
  return writeTransaction(
    db,
    async (tx) => {
      const article = await upsertArticle(tx, {
        url: metadata.url?.trim() || null,
        title: titleOf(extracted, metadata),
        dek: extracted.dek,
        imageCaption: extracted.imageCaption,
        body: extracted.body,
        fingerprint: extracted.fingerprint ?? null,
        publishedAt: metadata.publishedAt ?? null,
        publisher: metadata.publisher ?? null,
        language: metadata.language || 'en',
      });
      const found = withSpeakers(extracted);
      // What the article pointed at before: resolution prefers it.
      const previous: PreviousLinks = article.created
        ? { personIds: new Set(), organizationIds: new Set() }
        : await articleReferences(tx, article.id);
      const entities = await resolveEntities(tx, found.people, found.organizations, previous);
      const storedQuotes = await replaceArticleQuotes(
        tx,
        article,
        extracted.quotes.map((quote) => ({
          text: quote.text,
          kind: quote.kind,
          ...speakerIds(entities, quote.speaker),
          speakerLabel: quote.speakerLabel,
          cue: quote.cue,
          startOffset: quote.start,
          endOffset: quote.end,
          confidence: quote.confidence,
        })),
      );
      await replaceArticleLinks(tx, article.id, extracted.relatedLinks);
      const tallies = mentionTallies(found, entities);
      await replaceArticleMentions(tx, article.id, tallies);
      await addArticleAffiliations(tx, affiliationRows(extracted, entities));
      await options.beforeCommit?.();
      const personIds = [...tallies.people.keys()];
      const organizationIds = [...tallies.organizations.keys()];
      return {
        articleId: article.id,
        created: article.created,
        quoteIds: storedQuotes.ids,
        personIds,
        organizationIds,
        warnings: [...warningsFor(extracted), ...entities.warnings],
      };
    },
    options.deadline ? { deadline: options.deadline } : {},
  );
}
