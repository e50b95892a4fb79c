// Synthetic news graphs for load tests and benchmarks: pure and seeded, so the same seed and
// size always give the same graph. `store.ts` writes one to the database.
import { generateArticle, type GeneratedArticle, type Popularity } from './article.ts';
import { generateEntities, type GeneratedEntities } from './entities.ts';
import { ZipfSampler } from './random.ts';

export type { GeneratedArticle, GeneratedQuote, GeneratedMention } from './article.ts';
export type { GeneratedEntities, GeneratedOrganization, GeneratedPerson } from './entities.ts';
export { peopleCountFor } from './entities.ts';
export { Random, ZipfSampler, hashString } from './random.ts';

export interface GraphPlan {
  seed: number;
  articleCount: number;
  entities: GeneratedEntities;
  popularity: Popularity;
  /** Article `index` of this graph (0 ≤ index < articleCount). */
  article(index: number): GeneratedArticle;
}

/** Exponent of the speaker popularity law: 1 is classic Zipf. */
export const SPEAKER_POPULARITY_EXPONENT = 1;

export function planGraph(seed: number, articleCount: number): GraphPlan {
  const entities = generateEntities(seed, articleCount);
  const popularity: Popularity = {
    people: new ZipfSampler(entities.people.length, SPEAKER_POPULARITY_EXPONENT),
    organizations: new ZipfSampler(entities.speakingOrganizations.length, SPEAKER_POPULARITY_EXPONENT),
    publishers: new ZipfSampler(entities.publishers.length, 0.8),
  };
  return {
    seed,
    articleCount,
    entities,
    popularity,
    article: (index) => generateArticle(entities, popularity, seed, index),
  };
}
