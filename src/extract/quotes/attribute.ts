// Speakers are resolved in reading order, whatever stage found the
// attribution: "he" after a reported statement by Horowitz should find
// Horowitz in focus, just as a reader would.

import type { ArticleIndex } from '../text/article-index.ts';
import type { FoundQuote } from './found.ts';
import { inheritSpeakers } from './inherit.ts';
import type { ReportedSpeech } from './found.ts';
import type { SpeakerResolver } from './resolve-speaker.ts';

/** Returns resolved copies; the lists the earlier stages found are left as they were. */
export function resolveSpeakers(
  index: ArticleIndex,
  resolver: SpeakerResolver,
  found: readonly FoundQuote[],
  foundReported: readonly ReportedSpeech[],
): { quoted: FoundQuote[]; reported: ReportedSpeech[] } {
  const quoted = found.map((q) => ({ ...q }));
  const reported = foundReported.map((r) => ({ ...r }));
  const { tokens } = index.doc;
  const at = (token: number) => tokens[token]?.start ?? 0;
  const work: Array<{ at: number; run: () => void }> = [];
  for (const q of quoted) {
    const phrase = q.phrase;
    const known = q.adjacentSpeaker;
    if (known)
      work.push({
        at: q.span.open,
        run: () => (q.resolved = resolver.resolveKnown(known.entity, known.label, q.span.open)),
      });
    else if (phrase) work.push({ at: at(phrase.firstToken), run: () => (q.resolved = resolver.resolve(phrase)) });
    // A quotation without its own attribution takes its speaker where it stands, so later pronouns see it.
    else work.push({ at: q.span.open, run: () => inheritSpeakers(index, quoted, resolver, q) });
  }
  for (const r of reported)
    work.push({ at: at(r.phrase.firstToken), run: () => (r.resolved = resolver.resolve(r.phrase)) });
  work.sort((a, b) => a.at - b.at);
  for (const w of work) w.run();
  inheritSpeakers(index, quoted, resolver);
  return { quoted, reported };
}
