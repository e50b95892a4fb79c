// Example operations for the three main uses. GraphiQL opens with them, the README shows them,
// and a test runs each against the demo graph so they never go stale.

export const storyExample = `# A whole story in one request: the article, its quotes, who said each,
# what those people are affiliated with, and the related links.
query Story($slug: String = "port-calder-council-approves-12-turbine-tidal-pilot-in-6-3-vote") {
  article(slug: $slug) {
    title
    dek
    publishedAt
    publisher { name }
    quotes(first: 10) {
      totalCount
      nodes {
        text
        kind
        speakerLabel
        speaker {
          __typename
          ... on Person {
            name
            affiliations { role organization { name kind } }
          }
          ... on Organization { name kind }
        }
      }
    }
    relatedLinks { title kind url }
  }
}`;

export const quotesBySpeakerExample = `# What has this person said? Names match case- and accent-insensitively,
# and any alias works ("Marquez" finds Elena Márquez).
query QuotesBySpeaker($name: String = "marquez", $after: String) {
  quotes(filter: { speakerName: $name }, first: 5, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      text
      kind
      article { title publishedAt }
    }
  }
}`;

export const frontPageExample = `# The front page: newest articles, each with its first quotes and speakers.
query FrontPage {
  articles(first: 10) {
    nodes {
      title
      publishedAt
      quotes(first: 3) {
        nodes {
          text
          speaker {
            ... on Person { name }
            ... on Organization { name }
          }
        }
      }
    }
  }
}`;

export const exploreExample = `# Who is in the graph? People with their roles, and a search across everything.
query Explore {
  people(first: 10) {
    nodes { name aliases affiliations { role organization { name } } quotes { totalCount } }
  }
  search(query: "tidal") {
    articles { title }
    quotes { text }
    organizations { name kind }
  }
}`;

export const exampleOperations = [storyExample, quotesBySpeakerExample, frontPageExample, exploreExample];
