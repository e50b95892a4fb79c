import type { LanguagePack } from '../../language/pack.ts';
import { isCueAt } from '../../text/article-index.ts';
import type { ArticleIndex } from '../../text/article-index.ts';
import type { Token } from '../../text/tokens.ts';
import { tailIsAdverbial } from '../clause.ts';
import { cueText } from '../explicit.ts';
import type { Explicit } from '../found.ts';
import { speakerAfterVerb, subjectThenVerb } from '../speaker-phrase.ts';
import type { QuotationPattern } from './unit.ts';

const DASHES = new Set([',', '—', '–', '-', '--']);

export const trailing: QuotationPattern = {
  name: 'trailing',
  reads: 'quotation',
  matches: '"…," X said  /  "…," said X  /  "…!" X replied. (the attribution after the closing mark)',
  speaker: 'the subject of the speech verb after the quotation, before or after the verb',
  confidence: 0.95,
  examples: [
    {
      text: '“The bridge will reopen in spring,” said Mara Quinlan, the county engineer.',
      quote: 'The bridge will reopen in spring,',
      speaker: 'Mara Quinlan',
    },
    {
      text: '“We have no money left for the pool,” Councillor Tobias Renner told the meeting.',
      quote: 'We have no money left for the pool,',
      speaker: 'Tobias Renner',
    },
    {
      text: 'Petra Ilves runs the ferry. “That is simply false!” Ilves replied.',
      quote: 'That is simply false!',
      speaker: 'Petra Ilves',
    },
  ],
  attribute(index, w) {
    const lang = index.doc.language;
    const { tokens, sentences, body } = index.doc;
    let k = w.close;
    while (k < w.limit && DASHES.has(tokens[k]?.text ?? '')) k++;
    if (k < w.limit) return attributionAt(index, k, w.limit);
    // "That is false!" Maher replied. — the exclamation ended the sentence, the attribution is the next one.
    const next = sentences[w.sentence + 1];
    const closeToken = tokens[w.close];
    if (!next || !closeToken || closeToken.sentence !== w.sentence + 1 || next.endToken - next.firstToken > 14)
      return null;
    // A new paragraph is a new turn: its first sentence never attributes the quotation before it.
    if (next.paragraph !== sentences[w.sentence]?.paragraph) return null;
    if (!/[?!.]["”'’]*$/.test(body.slice(tokens[w.inner]?.start ?? 0, tokens[w.close - 1]?.end ?? 0))) return null;
    let limit = next.endToken;
    for (let j = w.close; j < next.endToken; j++) {
      if ((tokens[j]?.quote ?? -1) >= 0) {
        limit = j - 1;
        break;
      }
    }
    const found = attributionAt(index, w.close, limit);
    // "He said the study was small." reports something new; only a bare "Maher replied." attributes the quotation.
    return found && attributionIsWholeSentence(tokens, found, w.close, limit, lang) ? found : null;
  },
};

function attributionIsWholeSentence(
  tokens: Token[],
  found: Explicit,
  from: number,
  limit: number,
  lang: LanguagePack,
): boolean {
  const phrase = found.phrase;
  if (!phrase) return false;
  let verb = from;
  while (verb < limit && !isCueAt(tokens, verb, lang)) verb++;
  return (
    tailIsAdverbial(tokens, Math.max(verb + 1, phrase.endToken), limit, true, lang) &&
    !tokens.slice(verb + 1, limit).some((t) => t.lower === 'that')
  );
}

function attributionAt(index: ArticleIndex, k: number, limit: number): Explicit | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const t = tokens[k];
  if (isCueAt(tokens, k, lang) && !index.doc.language.cues.speechCue(t?.lower ?? '')?.participle) {
    const phrase = speakerAfterVerb(index, k + 1, limit);
    if (phrase) return { phrase, pattern: 'trailing', cue: cueText(tokens, k) };
    return null;
  }
  const found = subjectThenVerb(index, k, limit);
  return found ? { phrase: found.phrase, pattern: 'trailing', cue: cueText(tokens, found.verb) } : null;
}
