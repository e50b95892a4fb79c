// The graph's enumerations: the values the database stores as its own enum types (quote,
// organization and related-link kinds) and the orders of the lists. An enumeration about
// something outside the stored graph belongs to the one type that has it: JobState (pg-boss's
// job states) in job.ts, ArticleChangeKind (what a notification announced) in subscriptions.ts.
import { builder } from './builder.ts';

export const QuoteKindEnum = builder.enumType('QuoteKind', {
  description: 'How a quote reports speech.',
  values: {
    DIRECT: { value: 'direct', description: 'Words in quote marks: "We will act," she said.' },
    PARTIAL: { value: 'partial', description: 'A few quoted words inside reported speech: called it a "mistake".' },
    INDIRECT: { value: 'indirect', description: 'Reported speech without quote marks: she said that they would act.' },
  } as const,
});

export const QuoteOrder = builder.enumType('QuoteOrder', {
  description: 'How to order quotes.',
  values: {
    NEWEST: { description: 'From the most recently published articles first (the default).' },
    OLDEST: { description: 'From the earliest published articles first.' },
  },
});

export const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  description: 'What sort of body an organization is.',
  values: {
    COMPANY: { value: 'company', description: 'A business.' },
    GOVERNMENT: { value: 'government', description: 'A government, ministry or department.' },
    AGENCY: { value: 'agency', description: 'A public agency: police, intelligence, regulators.' },
    MEDIA: { value: 'media', description: 'A news organization or broadcaster.' },
    UNIVERSITY: { value: 'university', description: 'A university, college or school.' },
    COUNTRY: { value: 'country', description: 'A country speaking as a state.' },
    PARTY: { value: 'party', description: 'A political party.' },
    NONPROFIT: { value: 'nonprofit', description: 'A charity, union, campaign or other non-profit.' },
    OTHER: { value: 'other', description: 'Anything else.' },
  } as const,
});

export const RelatedLinkKindEnum = builder.enumType('RelatedLinkKind', {
  description: 'What a related link leads to.',
  values: {
    PHOTOS: { value: 'photos', description: 'A photo gallery.' },
    VIDEO: { value: 'video', description: 'A video.' },
    AUDIO: { value: 'audio', description: 'Audio or a podcast.' },
    ARTICLE: { value: 'article', description: 'Another article.' },
    OTHER: { value: 'other', description: 'Anything else.' },
  } as const,
});

export const ArticleOrder = builder.enumType('ArticleOrder', {
  description: 'How to order articles.',
  values: {
    NEWEST: { description: 'Most recently published first (the default).' },
    OLDEST: { description: 'Earliest published first.' },
  },
});
