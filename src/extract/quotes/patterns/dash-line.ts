import type { ResolvedEntities } from '../../entities/resolve.ts';
import type { ArticleIndex } from '../../text/article-index.ts';
import { firstWordToken, speakerAt } from './beside.ts';
import type { ParagraphPattern, SpeechBeside } from './unit.ts';

/** "– Daniel Ashworth, in the Commons": a dash, then who said it. */
const DASH_LINE = /^[–—―-]{1,2}\s*\S/u;
const MAX_DASH_LINE_WORDS = 14;

export const dashLine: ParagraphPattern = {
  name: 'dash-line',
  reads: 'paragraph',
  matches: 'a paragraph (quoted or not) followed by a line "– Daniel Ashworth, in the Commons"',
  speaker: 'the person named after the dash',
  confidence: 0.7,
  examples: [
    {
      text: 'Budget day\n\nThe chancellor, Daniel Ashworth, spoke in the Commons at noon.\n\nWe will freeze fuel duty for another year, and we will pay for it honestly.\n\n– Daniel Ashworth, in the Commons',
      quote: 'We will freeze fuel duty for another year, and we will pay for it honestly.',
      speaker: 'Daniel Ashworth',
    },
  ],
  find(index, entities) {
    return dashLines(index, entities);
  },
};

function dashLines(index: ArticleIndex, entities: ResolvedEntities): SpeechBeside[] {
  const { doc } = index;
  const out: SpeechBeside[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (i === 0) return;
    const text = doc.body.slice(p.start, p.end);
    if (!DASH_LINE.test(text) || text.split(/\s+/).length > MAX_DASH_LINE_WORDS) return;
    const speaker = speakerAt(index, entities, firstWordToken(index, p.firstToken, p.endToken));
    const previous = doc.paragraphs[i - 1];
    if (speaker && previous) out.push({ paragraph: i - 1, from: previous.start, skipHeading: true, speaker });
  });
  return out;
}
