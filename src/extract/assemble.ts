// The last stage: from what the stages found to the ExtractedArticle contract.

import type { CleanedArticle } from './clean/article.ts';
import { NO_METADATA } from './clean/metadata.ts';
import type { Entity, PersonEntity } from './entities/entity-types.ts';
import type { ResolvedEntities } from './entities/resolve.ts';
import type { RoleFindings } from './entities/roles.ts';
import type { AttributionPattern, FoundQuote, ReportedSpeech } from './quotes/found.ts';
import { patternConfidence } from './quotes/patterns/index.ts';
import type { ArticleText } from './text/document.ts';
import type {
  ExtractedAffiliation,
  ExtractedArticle,
  ExtractedOrganization,
  ExtractedPerson,
  ExtractedQuote,
} from './types.ts';

export interface Findings {
  cleaned: CleanedArticle;
  text: ArticleText;
  entities: ResolvedEntities;
  roles: RoleFindings;
  quoted: FoundQuote[];
  reported: ReportedSpeech[];
}

/**
 * How far a quotation's attribution is trusted before the speaker itself is resolved, when no
 * registered pattern found it (those carry their own confidence).
 */
const PATTERN_TRUST: Record<AttributionPattern, number> = {
  trailing: 0.95,
  leading: 0.92,
  according: 0.88,
  embedded: 0.75,
  // Taken from a neighbouring quotation.
  inherited: 0.85,
  // Beside a name or a turn label, with no word saying anyone spoke.
  adjacent: 0.7,
  none: 0.3,
};

export function assembleArticle(f: Findings): ExtractedArticle {
  const { body } = f.text;
  const quotes = [...quotedToContract(f), ...reportedToContract(f)].sort((a, b) => a.start - b.start);
  const speakers = new Set<Entity>();
  for (const q of f.quoted) if (q.resolved?.entity) speakers.add(q.resolved.entity);
  for (const r of f.reported) if (r.resolved?.entity) speakers.add(r.resolved.entity);
  return {
    title: f.cleaned.title,
    dek: f.cleaned.dek,
    imageCaption: f.cleaned.imageCaption,
    body,
    quotes,
    people: peopleToContract(f, speakers),
    organizations: organizationsToContract(f, speakers),
    affiliations: affiliationsToContract(f),
    relatedLinks: f.cleaned.relatedLinks,
    metadata: f.cleaned.metadata ?? NO_METADATA,
    fingerprint: proseOf(body),
  };
}

/** Paragraphs that read as prose: eight words or more, ending like a sentence. */
function proseOf(body: string): string {
  return body
    .split('\n\n')
    .filter((p) => hasSpaceRuns(p, 7) && /[.!?…]["”’')\]]*$/.test(p))
    .join('\n\n');
}

/** At least `count` runs of whitespace (a split on /\s+/ into count + 1 pieces), counted only that far. */
function hasSpaceRuns(text: string, count: number): boolean {
  const run = /\s+/g;
  for (let n = 0; n < count; n++) if (!run.exec(text)) return false;
  return true;
}

function quotedToContract(f: Findings): ExtractedQuote[] {
  const { body } = f.text;
  return f.quoted
    .filter((q) => q.resolved && (q.resolved.speaker || q.resolved.label))
    .map((q) => {
      const resolved = q.resolved;
      const certainty = resolved?.certainty ?? 0.3;
      const trust = (q.via ? patternConfidence(q.via) : undefined) ?? PATTERN_TRUST[q.pattern];
      const confidence = trust * certainty * (q.span.unclosed ? 0.85 : 1);
      return {
        text: body.slice(q.span.textStart, q.span.textEnd),
        kind: q.kind,
        speaker: resolved?.speaker ?? null,
        speakerLabel: resolved?.label || null,
        cue: q.cue,
        start: q.span.textStart,
        end: q.span.textEnd,
        confidence: round(confidence),
      };
    });
}

function reportedToContract(f: Findings): ExtractedQuote[] {
  const { body } = f.text;
  const out: ExtractedQuote[] = [];
  for (const r of f.reported) {
    const resolved = r.resolved;
    if (!resolved || !(resolved.speaker || resolved.label)) continue;
    out.push({
      text: body.slice(r.start, r.end),
      kind: 'indirect',
      speaker: resolved.speaker,
      speakerLabel: resolved.label || null,
      cue: r.cue,
      start: r.start,
      end: r.end,
      confidence: round((patternConfidence(r.via) ?? 0.7) * resolved.certainty),
    });
  }
  return out;
}

function peopleToContract(f: Findings, speakers: Set<Entity>): ExtractedPerson[] {
  const affiliated = new Set(f.roles.affiliations.map((a) => a.person));
  // Each person's mentions in the body, filtered once (this ran four times per person).
  return f.entities.people
    .map((p) => ({ p, body: bodyMentions(p) }))
    .filter(({ body }) => body.length > 0)
    .filter(
      ({ p, body }) => !p.weak || speakers.has(p) || affiliated.has(p) || f.roles.rolesOf.has(p) || body.length >= 2,
    )
    .map(({ p, body }) => ({
      name: p.name,
      aliases: [...p.aliases].filter((a) => a !== p.name).sort(),
      roles: unique([...p.roles, ...(f.roles.rolesOf.get(p) ?? [])]),
      mentions: body.length,
      firstOffset: body[0]?.start ?? -1,
    }))
    .sort((a, b) => a.firstOffset - b.firstOffset);
}

function organizationsToContract(f: Findings, speakers: Set<Entity>): ExtractedOrganization[] {
  return f.entities.organizations
    .filter((o) => !o.isCountry || speakers.has(o))
    .map((o) => ({
      name: o.name,
      kind: o.kind,
      aliases: [...o.aliases].filter((a) => a !== o.name).sort(),
      mentions: o.mentions.length,
      firstOffset: o.mentions[0]?.start ?? -1,
    }))
    .sort((a, b) => a.firstOffset - b.firstOffset);
}

function affiliationsToContract(f: Findings): ExtractedAffiliation[] {
  const named: ExtractedAffiliation[] = f.roles.affiliations.map((a) => ({
    person: a.person.name,
    organization: a.organization.name,
    role: a.role,
  }));
  const unnamed: ExtractedAffiliation[] = [];
  const seen = new Set<string>();
  for (const q of [...f.quoted, ...f.reported]) {
    const r = q.resolved;
    if (r?.entity?.type !== 'organization' || !r.unnamedRole) continue;
    const key = `${r.entity.name}\u0000${r.unnamedRole.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unnamed.push({
      person: r.unnamedRole.description,
      organization: r.entity.name,
      role: r.unnamedRole.role,
      unnamed: true,
    });
  }
  return [...named, ...unnamed];
}

function bodyMentions(p: PersonEntity) {
  return p.mentions.filter((m) => m.start >= 0);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
