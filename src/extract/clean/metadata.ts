// What a page says about itself: canonical address, headline, publication time,
// site, authors and publisher, from <link rel=canonical>, Open Graph and article
// meta tags, and JSON-LD NewsArticle (or Article, ReportageNewsArticle…) objects.
// JSON-LD wins over meta tags where both speak, as it is the more deliberate.

import type { PageMetadata } from '../types.ts';
import type { HeadFacts } from './markup-scan.ts';
import { collapseSpaces } from './article.ts';
import { webUrl } from './links.ts';

export const NO_METADATA: PageMetadata = {
  url: null,
  title: null,
  publishedAt: null,
  siteName: null,
  authors: [],
  publisher: null,
  language: null,
};

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|BackgroundNewsArticle)$/;

export function readMetadata(head: HeadFacts, baseUrl?: string): PageMetadata {
  const ld = articleFromJsonLd(head.jsonLd);
  const meta = (key: string) => clean(head.meta.get(key));
  const url = firstWebUrl(
    [text(ld?.url), text(ld?.mainEntityOfPage), head.links.get('canonical'), meta('og:url')],
    baseUrl,
  );
  const authors = unique([
    ...namesOf(ld?.author),
    ...splitNames(meta('author') ?? meta('article:author') ?? meta('byl')?.replace(/^by\s+/i, '')),
  ]);
  return {
    url,
    title: clean(text(ld?.headline)) ?? meta('og:title') ?? meta('twitter:title') ?? head.title,
    publishedAt:
      isoDate(text(ld?.datePublished)) ??
      isoDate(meta('article:published_time')) ??
      isoDate(meta('datepublished')) ??
      isoDate(meta('date')) ??
      isoDate(meta('pubdate')),
    siteName: meta('og:site_name') ?? clean(namesOf(ld?.publisher)[0]) ?? meta('application-name'),
    authors,
    publisher: clean(namesOf(ld?.publisher)[0]) ?? meta('og:site_name'),
    language:
      clean(text(ld?.inLanguage))?.toLowerCase() ??
      head.lang?.toLowerCase() ??
      meta('og:locale')?.replace('_', '-').toLowerCase() ??
      null,
  };
}

type Json = unknown;

/** The first article object in the page's JSON-LD, looking inside arrays and @graph. */
function articleFromJsonLd(blocks: readonly string[]): Record<string, Json> | null {
  for (const block of blocks) {
    let parsed: Json;
    try {
      parsed = JSON.parse(block.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    const found = findArticle(parsed, 0);
    if (found) return found;
  }
  return null;
}

function findArticle(value: Json, depth: number): Record<string, Json> | null {
  if (depth > 4 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, Json>;
  const types = Array.isArray(record['@type']) ? record['@type'] : [record['@type']];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return record;
  return findArticle(record['@graph'], depth + 1);
}

/** Names of a JSON-LD person or organization, or a list of them, or plain strings. */
function namesOf(value: Json): string[] {
  if (typeof value === 'string') return splitNames(value);
  if (Array.isArray(value)) return value.slice(0, 20).flatMap((v) => namesOf(v));
  if (value && typeof value === 'object') {
    const name = (value as Record<string, Json>).name;
    return typeof name === 'string' && clean(name) ? [clean(name) as string] : [];
  }
  return [];
}

function splitNames(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((n) => clean(n))
    .filter((n): n is string => !!n && !/^https?:/i.test(n));
}

function text(value: Json): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Record<string, Json>)['@id'] ?? (value as Record<string, Json>).url;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

function clean(value: string | null | undefined): string | null {
  if (!value) return null;
  const collapsed = collapseSpaces(value.replace(/\s+/g, ' '));
  return collapsed.length > 0 && collapsed.length <= 500 ? collapsed : null;
}

function firstWebUrl(candidates: ReadonlyArray<string | null | undefined>, baseUrl?: string): string | null {
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    const url = webUrl(candidate, baseUrl);
    if (url && /^https?:\/\//i.test(url)) return url;
  }
  return null;
}

/** An ISO 8601 instant for a date the page gives, or null when it gives none that parses. */
function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed) && !/\b\d{4}\b/.test(trimmed)) return null;
  const time = Date.parse(trimmed);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
