// Inputs that once made reading super-linear, as generators: each shape repeats a
// few pieces (varied by fast-check) up to about a megabyte. Shared by the
// linear-cost test and `npm run bench:extract`, which reports their cost per byte
// against ordinary articles.

import fc from 'fast-check';
import type { ExtractInput } from '../../../src/extract/index.ts';

export interface Shape {
  name: string;
  input: fc.Arbitrary<ExtractInput>;
  /** One input of about `size` characters for each family of pieces, for the bench. */
  samples(size: number): ExtractInput[];
}

type Piece = (i: number) => string;

/** A lower-case word for every number: a, b, …, z, ba, bb, … so generated names never repeat. */
export function wordFor(i: number): string {
  let n = i + 26 * 27;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

const Cap = (i: number) => {
  const w = wordFor(i);
  return w.charAt(0).toUpperCase() + w.slice(1);
};

/** Pieces repeated in turn until the text is `size` characters long. */
export function fill(size: number, pieces: readonly Piece[]): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const piece = pieces[i % pieces.length]?.(i) ?? ' ';
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}

/** A shape made of one of several families of pieces; fast-check picks the family, the mix and the size. */
function shape(name: string, families: ReadonlyArray<readonly Piece[]>, wrap: (body: string) => ExtractInput): Shape {
  const build = (family: number, rotation: number, size: number) => {
    const pieces = families[family % families.length] ?? [];
    const rotated = [...pieces.slice(rotation % pieces.length), ...pieces.slice(0, rotation % pieces.length)];
    return wrap(fill(size, rotated));
  };
  return {
    name,
    input: fc
      .record({
        family: fc.nat({ max: families.length - 1 }),
        rotation: fc.nat({ max: 7 }),
        size: fc.integer({ min: 1_000_000, max: 1_100_000 }),
      })
      .map(({ family, rotation, size }) => build(family, rotation, size)),
    samples: (size) => families.map((_, family) => build(family, 0, size)),
  };
}

const asText = (body: string): ExtractInput => ({ text: `A headline for the test\n\n${body}` });
const asHtml = (body: string): ExtractInput => ({
  html: `<html><head><title>A page</title></head><body><article><h1>A headline</h1>${body}</article></body></html>`,
  url: 'https://news.example/story',
});
const bare = (body: string): ExtractInput => ({ html: body });

const c =
  (s: string): Piece =>
  () =>
    s;

// Within a shape every family repeats the same trouble in other words, so whichever
// family fast-check picks, the whole megabyte is that trouble.
export const PATHOLOGICAL_SHAPES: readonly Shape[] = [
  shape(
    'angle brackets in text',
    [[c('<'), c('</'), c('<!--'), c('< '), c('<a '), c('<p>a ')], [c('<')], [c('<a ')]],
    asText,
  ),
  shape('angle brackets as HTML', [[c('<')], [c('<'), c('<'), c('<'), c('&')]], bare),
  shape(
    'quote marks',
    [
      [c('"')],
      [c('"a ')],
      [c('“'), c('‘a '), c('”'), c('’ ')],
      [c("''"), c('a ')],
      [c('«'), c('»'), c('a ')],
      [c('‘a ')],
      [c('a’ ')],
    ],
    asText,
  ),
  shape(
    'apostrophes',
    [[c("don't "), c("O'Kelly "), c("'90s "), c("rock 'n' roll "), c("it''s "), c('’tis ')]],
    asText,
  ),
  shape(
    'capitalised words',
    [[c('Abc ')], [c('Abc. ')], [(i) => `${Cap(i)} `], [c('Mr. ')], [c('US ')], [(i) => `${Cap(i)} ${Cap(i + 1)} `]],
    asText,
  ),
  shape(
    'newlines',
    [[c('\n')], [c('a\n')], [c('\n\n')], [c(' \n ')], [c('\r\n')], [c('a '.repeat(30)), c('and\n')]],
    asText,
  ),
  shape(
    'one surname, many given names',
    [
      [(i) => `${Cap(i)} Smith arrived. `, c('Smith said yes. ')],
      [(i) => `${Cap(i)} Smith said the plan works. `, c('"Fine," Smith said. ')],
    ],
    asText,
  ),
  shape(
    'one title, many holders',
    [
      [(i) => `Senator ${Cap(i)} Jones spoke. `, c('"Fine," the senator said. ')],
      [(i) => `Senator ${Cap(i)} Lee spoke. `, c('The senator said the plan works. ')],
    ],
    asText,
  ),
  shape(
    'nicknames',
    [
      [(i) => `${Cap(i)} Bush, known as Jeb, spoke. `],
      [(i) => `${Cap(i)} Bush, known as Jeb, spoke. `, c('Jeb Bush said so. ')],
    ],
    asText,
  ),
  shape(
    'organizations referred to by noun',
    [
      [
        (i) => `Acme${wordFor(i)} Corp grew. `,
        c('The company said the plan works. '),
        (i) => `Bor${wordFor(i)} Agency grew. `,
        c('"Fine," a spokeswoman said. '),
        c('The Foreign Ministry said the plan works. '),
        c('North Korea spoke. '),
        (i) => `Kel${wordFor(i)} Institute grew. `,
        c('Its president said it works. '),
      ],
    ],
    asText,
  ),
  shape(
    'reported speech',
    [
      [
        c('Ann Lee said that the plan works. '),
        c('The plan works, Ann Lee said.\n\n'),
        c('The email said the plan works. '),
        c('"Fine," Ann Lee said. '),
      ],
    ],
    asText,
  ),
  shape(
    'many distinct speakers',
    [
      [
        (i) => `Zor${wordFor(i)} said the plan works. `,
        (i) => `${Cap(i)} Lee, a professor at Kel${wordFor(i)} University, said the plan works. `,
        (i) => `John Smit${wordFor(i)} spoke. `,
      ],
    ],
    asText,
  ),
  shape(
    'furniture-like lines',
    [[c(`By ${'Aand'.repeat(20)}x\n`), c('Advertisement\n'), c('Sign in\n'), c('Related: '), c('PHOTOS: a b\n')]],
    asText,
  ),
  shape('nested quotations', [[c('“a ‘b “c ‘d ')], [c('"a \'b "c \'d ')]], asText),
  shape('deep nesting', [[c('<div>')], [c('<b>')], [c('<p>a')], [c('<div><p>x</p>')], [c('<blockquote>')]], asHtml),
  // As deep as a DOM is still allowed, and as many paragraphs under it as fit in a megabyte.
  shape(
    'nesting just within the DOM budget',
    [
      [(i) => (i < 110 ? '<div>' : '<p>Some words here.</p>')],
      [(i) => (i < 60 ? '<div class="related">' : '<a href="/x">Two words</a>')],
    ],
    asHtml,
  ),
  shape(
    'many small elements',
    [[c('<i>a</i>')], [c('<span>w </span>')], [c('&amp;')], [c('<br>')], [c('<p>Some words here, said Ann.</p>')]],
    asHtml,
  ),
  shape(
    'unsafe links',
    [
      [(i) => `<li><a href="javascript:alert(${i})">Link title ${wordFor(i)}</a></li>`],
      [(i) => `<p>Related: <a href=" JaVaScRiPt:x${i}">Story ${wordFor(i)}</a></p>`],
    ],
    asHtml,
  ),
  shape('unclosed comments and scripts', [[c('<!--')], [c('<script>')], [c('<style>a')], [c('<noscript>')]], asHtml),
];
