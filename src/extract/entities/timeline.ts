// "Who was named last before this point?" and "who was named most so far?",
// asked once per quotation and per role, answered by binary search over the
// mentions in reading order instead of a walk over every entity and mention
// (which made long articles quadratic).

export interface TimelineEntry<E> {
  at: number;
  entity: E;
  inQuote: boolean;
}

type Accept<E> = (entry: TimelineEntry<E>) => boolean;

interface Filtered<E> {
  at: number[];
  entity: E[];
}

export class Timeline<E> {
  private readonly filtered = new Map<string, Filtered<E>>();
  private readonly leaders = new Map<string, Filtered<E | null>>();

  /** `entries` in reading order. */
  constructor(private readonly entries: readonly TimelineEntry<E>[]) {}

  /** The entity of the last accepted mention before `at`. `key` names `accept`: equal keys, equal predicates. */
  latest(at: number, key: string, accept: Accept<E>): E | null {
    const f = this.filter(key, accept);
    const i = countBefore(f.at, at);
    return i > 0 ? (f.entity[i - 1] ?? null) : null;
  }

  /**
   * The entity with the most accepted mentions before `at`; a tie goes to the
   * lower `rank`, by default to the one named first. Computed in one sweep:
   * after each mention only the entity just counted can take the lead.
   */
  leader(at: number, key: string, accept: Accept<E>, rank?: (e: E) => number): E | null {
    let sweep = this.leaders.get(key);
    if (!sweep) {
      sweep = { at: [], entity: [] };
      const counts = new Map<E, number>();
      const firstSeen = new Map<E, number>();
      const rankOf = rank ?? ((e: E) => firstSeen.get(e) ?? Infinity);
      let lead: E | null = null;
      let leadCount = 0;
      for (const entry of this.entries) {
        if (!accept(entry)) continue;
        if (!firstSeen.has(entry.entity)) firstSeen.set(entry.entity, firstSeen.size);
        const count = (counts.get(entry.entity) ?? 0) + 1;
        counts.set(entry.entity, count);
        if (lead === null || count > leadCount || (count === leadCount && rankOf(entry.entity) < rankOf(lead))) {
          lead = entry.entity;
          leadCount = count;
        }
        sweep.at.push(entry.at);
        sweep.entity.push(lead);
      }
      this.leaders.set(key, sweep);
    }
    const i = countBefore(sweep.at, at);
    return i > 0 ? (sweep.entity[i - 1] ?? null) : null;
  }

  /** The entity of the first accepted mention after `at` and before `until`. */
  next(at: number, until: number, key: string, accept: Accept<E>): E | null {
    const f = this.filter(key, accept);
    const i = countBefore(f.at, at + 1);
    return (f.at[i] ?? Infinity) < until ? (f.entity[i] ?? null) : null;
  }

  private filter(key: string, accept: Accept<E>): Filtered<E> {
    const known = this.filtered.get(key);
    if (known) return known;
    const f: Filtered<E> = { at: [], entity: [] };
    for (const entry of this.entries) {
      if (!accept(entry)) continue;
      f.at.push(entry.at);
      f.entity.push(entry.entity);
    }
    this.filtered.set(key, f);
    return f;
  }
}

/** How many of the ascending `values` are below `at`. */
export function countBefore(values: readonly number[], at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? Infinity) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A timeline of the body mentions (offset ≥ 0) of `entities`, in reading order. */
export function timelineOf<E extends { mentions: ReadonlyArray<{ start: number; inQuote: boolean }> }>(
  entities: readonly E[],
): Timeline<E> {
  const entries: TimelineEntry<E>[] = [];
  for (const entity of entities) {
    for (const m of entity.mentions) if (m.start >= 0) entries.push({ at: m.start, entity, inQuote: m.inQuote });
  }
  entries.sort((a, b) => a.at - b.at);
  return new Timeline(entries);
}
