import { defineRelations } from 'drizzle-orm';
import * as schema from './schema.ts';

export const relations = defineRelations(schema, (r) => ({
  publishers: {
    articles: r.many.articles({ from: r.publishers.id, to: r.articles.publisherId }),
  },
  articles: {
    publisher: r.one.publishers({ from: r.articles.publisherId, to: r.publishers.id }),
    quotes: r.many.quotes({ from: r.articles.id, to: r.quotes.articleId }),
    relatedLinks: r.many.relatedLinks({ from: r.articles.id, to: r.relatedLinks.articleId }),
    mentions: r.many.mentions({ from: r.articles.id, to: r.mentions.articleId }),
    people: r.many.people({
      from: r.articles.id.through(r.mentions.articleId),
      to: r.people.id.through(r.mentions.personId),
    }),
    organizations: r.many.organizations({
      from: r.articles.id.through(r.mentions.articleId),
      to: r.organizations.id.through(r.mentions.organizationId),
    }),
  },
  people: {
    affiliations: r.many.affiliations({ from: r.people.id, to: r.affiliations.personId }),
    quotes: r.many.quotes({ from: r.people.id, to: r.quotes.speakerPersonId }),
    mentions: r.many.mentions({ from: r.people.id, to: r.mentions.personId }),
    articles: r.many.articles({
      from: r.people.id.through(r.mentions.personId),
      to: r.articles.id.through(r.mentions.articleId),
    }),
  },
  organizations: {
    parent: r.one.organizations({ from: r.organizations.parentId, to: r.organizations.id, alias: 'parent' }),
    children: r.many.organizations({ from: r.organizations.id, to: r.organizations.parentId, alias: 'parent' }),
    affiliations: r.many.affiliations({ from: r.organizations.id, to: r.affiliations.organizationId }),
    quotes: r.many.quotes({ from: r.organizations.id, to: r.quotes.speakerOrganizationId }),
    mentions: r.many.mentions({ from: r.organizations.id, to: r.mentions.organizationId }),
    articles: r.many.articles({
      from: r.organizations.id.through(r.mentions.organizationId),
      to: r.articles.id.through(r.mentions.articleId),
    }),
  },
  affiliations: {
    person: r.one.people({ from: r.affiliations.personId, to: r.people.id, optional: false }),
    organization: r.one.organizations({
      from: r.affiliations.organizationId,
      to: r.organizations.id,
      optional: false,
    }),
  },
  quotes: {
    article: r.one.articles({ from: r.quotes.articleId, to: r.articles.id, optional: false }),
    speakerPerson: r.one.people({ from: r.quotes.speakerPersonId, to: r.people.id }),
    speakerOrganization: r.one.organizations({ from: r.quotes.speakerOrganizationId, to: r.organizations.id }),
  },
  relatedLinks: {
    article: r.one.articles({ from: r.relatedLinks.articleId, to: r.articles.id, optional: false }),
  },
  mentions: {
    article: r.one.articles({ from: r.mentions.articleId, to: r.articles.id, optional: false }),
    person: r.one.people({ from: r.mentions.personId, to: r.people.id }),
    organization: r.one.organizations({ from: r.mentions.organizationId, to: r.organizations.id }),
  },
}));
