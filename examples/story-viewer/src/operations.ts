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

/** A page of any list of quotes: every such list is a QuoteConnection. */
export const QuotePage = graphql(
  `
  fragment QuotePage on QuoteConnection {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
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
      quotes(first: 50) { ...QuotePage }
      relatedLinks { title kind url }
    }
  }
`,
  [QuotePage],
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
