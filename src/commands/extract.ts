// quotegraph extract FILE... | - (options in program.ts)
// Reads articles (plain text or HTML) and prints what extraction found: JSON by
// default, a readable summary with --format text. A file that cannot be read
// or parsed is reported on stderr and the exit code says so; the other files
// are still processed.

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  decodeBytes,
  type ExtractedArticle,
  type ExtractInput,
  extractArticle,
  isExtractError,
  looksLikeHtml,
} from '../extract/index.ts';

export interface ExtractIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** The command as the CLI runs it, for callers that hold a command line. */
export async function runExtract(argv: string[], io: ExtractIO): Promise<number> {
  const { runCommandLine } = await import('./program.ts');
  return runCommandLine(['extract', ...argv], io);
}

/** Exit codes: 0 all files read, 1 some file failed. */
export async function extractFiles(
  files: string[],
  options: { format: 'json' | 'text'; baseUrl?: string | undefined },
  io: ExtractIO,
): Promise<number> {
  const articles: Array<ExtractedArticle & { file: string }> = [];
  let failed = false;
  for (const file of files) {
    try {
      const raw = file === '-' ? await readStream(io.stdin) : await readFile(file);
      const article = extractArticle(inputFor(file, raw, options.baseUrl));
      articles.push({ file, ...article });
    } catch (error) {
      failed = true;
      io.stderr.write(`quotegraph extract: ${file}: ${describeFailure(error)}\n`);
    }
  }
  io.stdout.write(
    options.format === 'text'
      ? articles.map(textSummary).join('\n')
      : `${JSON.stringify({ articles: articles.map(toJson) }, null, 2)}\n`,
  );
  return failed ? 1 : 0;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** HTML by extension, or by what the content looks like. */
function inputFor(file: string, raw: Buffer, baseUrl: string | undefined): ExtractInput {
  // Windows-1252, Latin-1 and UTF-16 files are common; reading every file as UTF-8 mangled them.
  const { text } = decodeBytes(raw);
  const extension = extname(file).toLowerCase();
  const isHtml = extension === '.html' || extension === '.htm' || looksLikeHtml(text);
  if (!isHtml) return { text };
  return baseUrl === undefined ? { html: text } : { html: text, url: baseUrl };
}

function describeFailure(error: unknown): string {
  if (isExtractError(error)) return `${error.message} (${error.code})`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** The JSON shape of the command: the article with people and organizations trimmed to what readers need. */
function toJson(a: ExtractedArticle & { file: string }) {
  return {
    file: a.file,
    title: a.title,
    dek: a.dek,
    imageCaption: a.imageCaption,
    body: a.body,
    quotes: a.quotes.map((q) => ({
      text: q.text,
      kind: q.kind,
      speaker: q.speaker,
      speakerLabel: q.speakerLabel,
      cue: q.cue,
      start: q.start,
      end: q.end,
      confidence: q.confidence,
    })),
    people: a.people.map((p) => ({ name: p.name, aliases: p.aliases, roles: p.roles })),
    organizations: a.organizations.map((o) => ({ name: o.name, kind: o.kind, aliases: o.aliases })),
    affiliations: a.affiliations.map((x) => ({ person: x.person, organization: x.organization, role: x.role })),
    relatedLinks: a.relatedLinks,
  };
}

function textSummary(a: ExtractedArticle & { file: string }): string {
  const lines: string[] = [`== ${a.file}`];
  if (a.title) lines.push(`Title:   ${a.title}`);
  if (a.dek) lines.push(`Dek:     ${a.dek}`);
  if (a.imageCaption) lines.push(`Caption: ${a.imageCaption}`);
  lines.push(`Body:    ${a.body.length} characters in ${a.body === '' ? 0 : a.body.split('\n\n').length} paragraphs`);
  lines.push('', `Quotes (${a.quotes.length}):`);
  for (const q of a.quotes) {
    const who = q.speaker ? `${q.speaker.name} (${q.speaker.type})` : 'unattributed';
    const label = q.speakerLabel && q.speakerLabel !== q.speaker?.name ? ` as "${q.speakerLabel}"` : '';
    lines.push(
      `  [${q.kind}] ${who}${label}, ${q.cue ?? 'no cue'}, ${q.confidence.toFixed(2)}`,
      `      "${shorten(q.text, 160)}"`,
    );
  }
  lines.push('', `People (${a.people.length}):`);
  for (const p of a.people) {
    const extra = [
      p.roles.length > 0 ? `roles: ${p.roles.join(', ')}` : '',
      p.aliases.length > 0 ? `also: ${p.aliases.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(`  ${p.name}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`);
  }
  lines.push('', `Organizations (${a.organizations.length}):`);
  for (const o of a.organizations)
    lines.push(`  ${o.name} [${o.kind}]${o.aliases.length > 0 ? ` (also: ${o.aliases.join(', ')})` : ''}`);
  if (a.affiliations.length > 0) {
    lines.push('', 'Affiliations:');
    for (const x of a.affiliations) lines.push(`  ${x.person} — ${x.role ?? 'member'} — ${x.organization}`);
  }
  if (a.relatedLinks.length > 0) {
    lines.push('', 'Related links:');
    for (const l of a.relatedLinks) lines.push(`  [${l.kind}] ${l.title}${l.url ? ` <${l.url}>` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
