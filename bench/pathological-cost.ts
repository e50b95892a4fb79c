// Cost per byte of hostile inputs, as a multiple of the cost per byte of ordinary
// articles of the same size: the linear-cost test's shapes, each family at 1 MB
// and at 250 kB. A ratio near 1 means the shape costs what ordinary text costs; a
// large "growth" (cost per byte at 1 MB over cost per byte at 250 kB) would mean
// super-linear work, since linear work costs the same per byte at any size.
// Growth below 1 is the analysis cap: quotes and names are looked for in the
// first 400,000 characters of a body, so the rest of a megabyte costs only cleaning.

import { extractArticle, type ExtractInput } from '../src/extract/index.ts';
import { PATHOLOGICAL_SHAPES } from '../tests/extract/support/pathological.ts';

const LARGE = 1_000_000;
const SMALL = 250_000;

/** CPU microseconds per input character: the better of two readings (refusals count: they are readings too). */
function costPerByte(input: ExtractInput): number {
  const size = (input.text ?? input.html ?? '').length;
  let best = Infinity;
  for (let reading = 0; reading < 2; reading++) {
    const start = process.cpuUsage();
    try {
      extractArticle(input);
    } catch {
      // An input with no article in it is refused; the work done until then is what is measured.
    }
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / size);
  }
  return best;
}

/** The ordinary corpus, repeated into one text (and one page) of about `size` characters. */
function ordinaryInputs(texts: readonly string[], size: number): { text: ExtractInput; html: ExtractInput } {
  const paragraphs = texts.flatMap((t) => t.split(/\n+/).filter((p) => p.trim()));
  const chosen: string[] = [];
  for (let i = 0, length = 0; length < size; i++) {
    const p = paragraphs[i % paragraphs.length] ?? '';
    chosen.push(p);
    length += p.length + 2;
  }
  return {
    text: { text: `An ordinary long article\n\n${chosen.join('\n\n')}` },
    html: {
      html: `<html><body><article><h1>An ordinary long article</h1>${chosen.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article></body></html>`,
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function reportPathologicalCosts(texts: readonly string[]): void {
  const ordinary = { large: ordinaryInputs(texts, LARGE), small: ordinaryInputs(texts, SMALL) };
  const text = { large: costPerByte(ordinary.large.text), small: costPerByte(ordinary.small.text) };
  const html = { large: costPerByte(ordinary.large.html), small: costPerByte(ordinary.small.html) };
  console.log(
    `\nordinary articles, per byte of input: text ${text.large.toFixed(3)} µs at 1 MB, ${text.small.toFixed(3)} µs at 250 kB; ` +
      `HTML ${html.large.toFixed(3)} µs at 1 MB, ${html.small.toFixed(3)} µs at 250 kB`,
  );
  console.log(
    'hostile shapes (worst family): cost per byte as a multiple of ordinary text or HTML at 1 MB; growth = per-byte cost at 1 MB / at 250 kB',
  );
  let worstRatio = 0;
  let worstGrowth = 0;
  for (const shape of PATHOLOGICAL_SHAPES) {
    const large = shape.samples(LARGE);
    const small = shape.samples(SMALL);
    let ratio = 0;
    let growth = 0;
    large.forEach((input, family) => {
      const reference = input.html !== undefined ? html : text;
      const big = costPerByte(input);
      const little = costPerByte(small[family] ?? input);
      ratio = Math.max(ratio, big / reference.large);
      growth = Math.max(growth, big / little);
    });
    worstRatio = Math.max(worstRatio, ratio);
    worstGrowth = Math.max(worstGrowth, growth);
    console.log(`  ${shape.name.padEnd(38)} ${ratio.toFixed(2).padStart(6)}× ordinary   growth ${growth.toFixed(2)}`);
  }
  console.log(
    `worst: ${worstRatio.toFixed(2)}× the per-byte cost of ordinary input; worst growth from 250 kB to 1 MB ${worstGrowth.toFixed(2)} (linear work: about 1)`,
  );
}
