// Every operation the viewer sends. `npm run viewer:documents` writes them to
// persisted-documents.json, the trusted documents the server accepts by hash.
import { graphql } from './graphql.ts';

/** Who said a quote, with enough to link to the speaker's page. */
export const SpeakerFields = graphql(`
  fragment SpeakerFields on Speaker {
    __typename
    ... on Person {
      id
      name
      affiliations { role organization { name kind } }
    }
    ... on Organization { id name kind }
  }
`);

/** Quotes of any list: every paged list of quotes is a QuoteConnection. */
export const QuoteList = graphql(
  `
  fragment QuoteList on QuoteConnection {
    totalCount
    nodes {
      id
      text
      kind
      speakerLabel
      article { slug title publishedAt }
      speaker { ...SpeakerFields }
    }
  }
`,
  [SpeakerFields],
);

/**
 * A page to step from. Kept apart from QuoteList because cursors are answered by the resolvers,
 * not the compiled read path: a story, which needs none, stays one compiled statement.
 */
export const QuotePage = graphql(
  `
  fragment QuotePage on QuoteConnection {
    ...QuoteList
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
`,
  [QuoteList],
);

export const FrontPage = graphql(`
  query FrontPage {
    articles(first: 20) {
      nodes {
        slug
        title
        dek
        publishedAt
        publisher { name }
        quotes(first: 1) { totalCount nodes { text speakerLabel } }
      }
    }
  }
`);

export const Story = graphql(
  `
  query Story($slug: String!) {
    article(slug: $slug) {
      title
      dek
      url
      publishedAt
      publisher { name }
      quotes(first: 50) { ...QuoteList }
      relatedLinks { title kind url }
    }
  }
`,
  [QuoteList],
);

export const PersonPage = graphql(
  `
  query PersonPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    person(id: $id) {
      name
      description
      affiliations { role organization { name kind } }
      quotes(first: $first, after: $after, last: $last, before: $before) { ...QuotePage }
    }
  }
`,
  [QuotePage],
);

export const OrganizationPage = graphql(
  `
  query OrganizationPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    organization(id: $id) {
      name
      kind
      description
      quotes(first: $first, after: $after, last: $last, before: $before) { ...QuotePage }
    }
  }
`,
  [QuotePage],
);

/** All of them, for the manifest of trusted documents. */
export const operations = { FrontPage, Story, PersonPage, OrganizationPage };
