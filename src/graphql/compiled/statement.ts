// SQL text under construction for the compiled read path: a Statement (text and parameters,
// drizzle fragments rendered into it) and a Template (text fixed at compile time with holes for
// what a request's variables decide).
import type { SQL } from 'drizzle-orm';
import { renderFragment } from './fragments.ts';

/** Thrown while compiling or filling in a plan: this operation takes the ordinary path, for `reason`. */
export class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export const unsupported = (reason: string): never => {
  throw new Unsupported(reason);
};

export type Variables = Record<string, unknown>;

/** SQL text and its parameters, ready for the driver. */
export interface StatementText {
  sql: string;
  params: unknown[];
  /**
   * Whether the server may keep one plan for every value of the parameters (a named prepared
   * statement): true for lookups by key. Full-text search and ranges are planned for their
   * values each time: a plan made for a common word is a disaster for a rare one.
   */
  prepare: boolean;
}

export class Statement {
  private text = '';
  private readonly params: unknown[] = [];
  private planOnce = true;
  /** Values computed once per statement (a speaker looked up by name), by key. */
  readonly shared = new Map<string, unknown>();

  /** Plan this statement for its parameter values every time (see StatementText.prepare). */
  planPerValue(): this {
    this.planOnce = false;
    return this;
  }

  raw(text: string): this {
    this.text += text;
    return this;
  }

  param(value: unknown): this {
    this.params.push(value);
    this.text += `$${this.params.length}`;
    return this;
  }

  /** A condition built with drizzle (shared with the ordinary path), its parameters renumbered. */
  fragment(fragment: SQL): this {
    const { pieces, params, text } = renderFragment(fragment);
    const offset = this.params.length;
    if (pieces) {
      let written = pieces[0]!;
      for (let index = 1; index < pieces.length; index += 1) written += `$${offset + index}${pieces[index]}`;
      this.text += written;
    } else {
      this.text += offset ? text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`) : text;
    }
    this.params.push(...params);
    return this;
  }

  build(): StatementText {
    return { sql: this.text, params: this.params, prepare: this.planOnce };
  }
}

/** The part of a statement that depends on the request's variables. */
export type Dynamic = (statement: Statement, variables: Variables) => void;

/**
 * SQL text known when the operation is compiled, with holes for what the variables decide.
 * Table aliases are fixed at compile time, so whatever does not depend on an argument is one
 * string made once. A template made for one shape of a field's arguments (connections.ts) also
 * has numbered slots: the drizzle conditions built for this request's values, given to `write`.
 */
export class Template {
  readonly parts: (string | Dynamic | number)[] = [];

  raw(text: string): this {
    const last = this.parts.length - 1;
    if (typeof this.parts[last] === 'string') this.parts[last] += text;
    else this.parts.push(text);
    return this;
  }

  dynamic(part: Dynamic): this {
    this.parts.push(part);
    return this;
  }

  /** Where the condition `slots[index]` given to `write` goes. */
  slot(index: number): this {
    this.parts.push(index);
    return this;
  }

  append(template: Template): this {
    for (const part of template.parts) {
      if (typeof part === 'string') this.raw(part);
      else if (typeof part === 'number') throw new Error('a template with slots is written, not appended');
      else this.dynamic(part);
    }
    return this;
  }

  get isStatic(): boolean {
    return this.parts.every((part) => typeof part === 'string');
  }

  write(statement: Statement, variables: Variables, slots: readonly (SQL | undefined)[] = []): void {
    for (const part of this.parts) {
      if (typeof part === 'string') statement.raw(part);
      else if (typeof part === 'number') statement.fragment(slots[part] ?? missingSlot(part));
      else part(statement, variables);
    }
  }
}

const missingSlot = (index: number): never => {
  throw new Error(`template slot ${index} not given`);
};

export const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;
