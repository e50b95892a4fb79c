// extractArticle: raw article text or HTML in, ExtractedArticle out. Every
// stage is a function from one typed value to the next; this file is the one
// place that shows them in order.

import { looksLikeHtml } from './clean/html.ts';
import { cleanPage } from './clean/page.ts';
import { cleanPlainText } from './clean/text.ts';
import type { CleanedArticle } from './clean/article.ts';
import { personEvidence } from './entities/person-evidence.ts';
import { inferGendersFromPronouns } from './entities/gender.ts';
import { findNameMentions } from './entities/mentions.ts';
import { markOrganizationsByContext } from './entities/organization-evidence.ts';
import { applyNicknames } from './entities/nicknames.ts';
import { resolveEntities } from './entities/resolve.ts';
import { findSurnameReferences } from './entities/surnames.ts';
import { copyEntitiesAndRoles, findRoles } from './entities/roles.ts';
import { datelinePlace, mergeShortOrganizationNames } from './entities/organization-reference.ts';
import { mergeHeaderNames } from './entities/header-names.ts';
import { redecodeByteString } from './decode.ts';
import { chooseRawDocument, normaliseText } from './input.ts';
import { assembleArticle, type Findings } from './assemble.ts';
import { chooseLanguagePack, type LanguageChoice } from './language/index.ts';
import { resolveSpeakers } from './quotes/attribute.ts';
import { findSpeechWithoutVerb } from './quotes/adjacent.ts';
import { findQuotedSpeech, type FoundQuote } from './quotes/direct.ts';
import { findReportedSpeech, type ReportedSpeech } from './quotes/indirect.ts';
import { SpeakerResolver } from './quotes/resolve-speaker.ts';
import { indexArticle } from './text/article-index.ts';
import { analyseText } from './text/document.ts';
import type { ExtractedArticle, ExtractInput } from './types.ts';

/** Quotes and names are looked for in the first this-many characters of the body. */
export const MAX_ANALYSED_CHARS = 400_000;

export function extractArticle(input: ExtractInput): ExtractedArticle {
  const { findings, reading } = readArticle(input);
  return {
    ...assembleArticle(findings),
    readAs: { language: reading.pack.code, declared: reading.declared, fellBack: reading.fellBack },
  };
}

/**
 * What readArticle does with each stage's result before the next stage reads it. The
 * pipeline passes results through unchanged; a test hands in a deep freeze, so a stage
 * that writes into an earlier result fails there instead of passing unseen.
 */
export type Seal = <T>(value: T) => T;
const asIs: Seal = (value) => value;

/** Every stage in order, up to the findings the contract is assembled from. */
export function readArticle(input: ExtractInput, seal: Seal = asIs): { findings: Findings; reading: LanguageChoice } {
  const cleaned = seal(cleanArticle(input));
  // The caller's stored language wins over what the page declares; neither known → English, and the article says so.
  const reading = chooseLanguagePack(input.language ?? cleaned.metadata?.language);
  const lang = reading.pack;
  const text = seal(analyseText(cleaned.paragraphs, lang, MAX_ANALYSED_CHARS));
  const firstLook = seal(markOrganizationsByContext(seal(indexArticle(text, seal(findNameMentions(text))))));
  const resolved = seal(resolveEntities(firstLook.mentions, personEvidence(firstLook), lang));
  const surnamed = seal(findSurnameReferences(text, resolved.mentions, resolved));
  const index = seal(indexArticle(text, surnamed.mentions));
  const nicknamed = seal(applyNicknames(index, surnamed.entities));
  const gendered = seal(inferGendersFromPronouns(index, nicknamed));
  const headed = seal(mergeHeaderNames(gendered, [cleaned.title, cleaned.dek, cleaned.imageCaption], lang));
  const home = datelinePlace(text);
  const entities = seal(mergeShortOrganizationNames(headed, home, lang));
  const roles = seal(findRoles(index, entities, home));
  const quoted = seal(findSpeechWithoutVerb(index, entities, seal(findQuotedSpeech(index))));
  const reported = seal(withoutOverlap(findReportedSpeech(index, quoted), quoted));
  // Choosing speakers can rename an organization ("the Foreign Ministry" → "Ruritania's Foreign Ministry") or add a
  // local body: the resolver works on its own copy of the entities and roles, and that copy is what it returns.
  const own = copyEntitiesAndRoles(entities, roles);
  const resolver = new SpeakerResolver(index, own.entities, own.roles.rolesOf, own.roles.affiliations);
  const speakers = resolveSpeakers(index, resolver, quoted, reported);
  return { findings: { cleaned, text, entities: own.entities, roles: own.roles, ...speakers }, reading };
}

/** A transcript answer has no quote marks, so reported speech could be read inside it: the turn wins. */
function withoutOverlap(reported: ReportedSpeech[], quoted: readonly FoundQuote[]): ReportedSpeech[] {
  const unmarked = quoted.filter((q) => q.span.open === q.span.textStart);
  if (unmarked.length === 0) return reported;
  // Both lists are in reading order and turns do not overlap: one sweep.
  let i = 0;
  return reported.filter((r) => {
    while (i < unmarked.length && (unmarked[i]?.span.textEnd ?? 0) <= r.start) i++;
    const q = unmarked[i];
    return !q || r.end <= q.span.textStart;
  });
}

function cleanArticle(input: ExtractInput): CleanedArticle {
  const raw = chooseRawDocument(input);
  if (raw.format === 'text' && !looksLikeHtml(raw.text)) return cleanPlainText(normaliseText(raw.text));
  // HTML given as a string of bytes (read as Latin-1) is decoded again as the page declares.
  const html = raw.format === 'html' ? redecodeByteString(raw.html) : raw.text;
  return cleanPage(html, raw.format === 'html' ? raw.url : input.url);
}
