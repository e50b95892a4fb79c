// The contract between reading an article (extract) and storing it (ingest).
// Offsets are UTF-16 code-unit indexes into `body`, the cleaned article text.

export type QuoteKind = 'direct' | 'partial' | 'indirect';
export type SpeakerType = 'person' | 'organization';
export type OrganizationKind =
  | 'company'
  | 'government'
  | 'agency'
  | 'media'
  | 'university'
  | 'country'
  | 'party'
  | 'nonprofit'
  | 'other';
export type RelatedLinkKind = 'photos' | 'video' | 'audio' | 'article' | 'other';

export interface ExtractedSpeaker {
  /** Canonical name: "Barack Obama", or the organization an unnamed spokesperson speaks for. */
  name: string;
  type: SpeakerType;
}

export interface ExtractedQuote {
  /** The quoted words, without the quote marks; body.slice(start, end) === text. */
  text: string;
  kind: QuoteKind;
  /** null when nobody could be attributed. */
  speaker: ExtractedSpeaker | null;
  /** The speaker as the article words it at the attribution: "the spokesman", "he", "Obama". */
  speakerLabel: string | null;
  /** The speech verb or phrase: "said", "according to", "told". */
  cue: string | null;
  start: number;
  end: number;
  /** 0..1, how sure the extractor is of span and speaker together. */
  confidence: number;
}

export interface ExtractedPerson {
  name: string;
  /** Other forms seen in the article ("Obama", "President Barack Obama", misspellings merged in). */
  aliases: string[];
  /** Roles as worded: "President", "professor". */
  roles: string[];
  mentions: number;
  firstOffset: number;
}

export interface ExtractedOrganization {
  name: string;
  kind: OrganizationKind;
  aliases: string[];
  mentions: number;
  firstOffset: number;
}

export interface ExtractedAffiliation {
  /** The person's canonical name; for an unnamed spokesperson, their description as written. */
  person: string;
  organization: string;
  role: string | null;
  /** Set when the person is not named ("an unidentified Foreign Ministry spokesman"). */
  unnamed?: boolean;
}

export interface ExtractedRelatedLink {
  title: string;
  url: string | null;
  kind: RelatedLinkKind;
}

/** What a page said about itself in meta tags and JSON-LD; every field null (or empty) when it said nothing, as plain text does. */
export interface PageMetadata {
  /** Canonical address (http or https only). */
  url: string | null;
  title: string | null;
  /** ISO 8601 instant. */
  publishedAt: string | null;
  siteName: string | null;
  authors: string[];
  publisher: string | null;
  /** Language tag, lower case: "en", "en-gb". */
  language: string | null;
}

export interface ExtractedArticle {
  title: string | null;
  dek: string | null;
  imageCaption: string | null;
  /** Clean article text: paragraphs separated by "\n\n", no site furniture, no related-link lines. */
  body: string;
  quotes: ExtractedQuote[];
  people: ExtractedPerson[];
  organizations: ExtractedOrganization[];
  affiliations: ExtractedAffiliation[];
  relatedLinks: ExtractedRelatedLink[];
  /** Always set by extractArticle; optional so that hand-built articles (tests, imports) need not invent it. */
  metadata?: PageMetadata;
  /**
   * The article's prose (paragraphs that read as sentences, furniture and short lines left out):
   * the same story saved twice with a changed menu, ad or timestamp line has the same fingerprint.
   */
  fingerprint?: string;
  /** The language pack the article was read with; `fellBack` when its declared language has none and English was used. */
  readAs?: { language: string; declared: string | null; fellBack: boolean };
}

export interface ExtractInput {
  text?: string;
  html?: string;
  /** Base for resolving relative link targets in HTML. */
  url?: string;
  /** The article's language as stored ("en", "en-gb"); when absent, the language the page declares. */
  language?: string;
}
