// The read-your-writes memory of the replica router (src/http/plugins/read-replicas.ts): each
// client's position after its last write, for a window, in bounded memory. Past its capacity the
// oldest entries go, and no client loses its own write for it: an evicted position becomes a
// floor every client without an entry reads at until the evicted window ends.
import { describe, expect, test } from 'vitest';
import { RecentWrites } from '../../src/http/plugins/read-replicas.ts';

const WINDOW_MS = 10_000;

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('the read-your-writes memory', () => {
  test('a client reads at its last write for the window, then at no position', () => {
    const time = clock();
    const writes = new RecentWrites(WINDOW_MS, time.now);
    expect(writes.writtenBy('a')).toBeNull();
    writes.remember('a', 100n);
    writes.remember('a', 90n); // a position reported late never moves a client back
    expect(writes.writtenBy('a')).toBe(100n);
    expect(writes.writtenBy('b')).toBeNull();
    time.advance(WINDOW_MS - 1);
    expect(writes.writtenBy('a')).toBe(100n);
    time.advance(1);
    expect(writes.writtenBy('a')).toBeNull();
    expect(writes.size).toBe(0);
  });

  test('more writers within one window than its capacity: it holds its capacity, and every writer still reads its own write', () => {
    const time = clock();
    const writes = new RecentWrites(WINDOW_MS, time.now);
    const writers = writes.capacity * 3;
    for (let index = 0; index < writers; index++) {
      writes.remember(`client-${index}`, BigInt(1_000 + index));
      if (index % 1_000 === 0) time.advance(1);
    }
    expect(writes.capacity).toBe(10_000);
    expect(writes.size).toBe(writes.capacity);
    // The newest keep their own positions; the evicted read at least at theirs.
    expect(writes.writtenBy(`client-${writers - 1}`)).toBe(BigInt(1_000 + writers - 1));
    for (const index of [0, 1, writers - writes.capacity - 1]) {
      expect(writes.writtenBy(`client-${index}`)! >= BigInt(1_000 + index)).toBe(true);
    }
    // Once the window has passed nothing is held back.
    time.advance(WINDOW_MS + 10);
    expect(writes.writtenBy('client-0')).toBeNull();
    expect(writes.writtenBy(`client-${writers - 1}`)).toBeNull();
  });

  test('expired entries make room before anyone is evicted', () => {
    const time = clock();
    const writes = new RecentWrites(WINDOW_MS, time.now);
    for (let index = 0; index < writes.capacity; index++) writes.remember(`old-${index}`, 5n);
    time.advance(WINDOW_MS);
    writes.remember('new', 7n);
    expect(writes.size).toBe(1);
    // Nothing was evicted while live, so a client that never wrote is not held back.
    expect(writes.writtenBy('never-wrote')).toBeNull();
  });

  test('a client that writes again moves to the newest end and is not the one evicted', () => {
    const time = clock();
    const writes = new RecentWrites(WINDOW_MS, time.now);
    writes.remember('first', 1n);
    for (let index = 1; index < writes.capacity; index++) writes.remember(`filler-${index}`, 2n);
    time.advance(1);
    writes.remember('first', 3n);
    writes.remember('one-more', 4n);
    expect(writes.size).toBe(writes.capacity);
    expect(writes.writtenBy('first')).toBe(3n);
    // filler-1, the oldest entry now, went; its position is the floor for clients without one.
    expect(writes.writtenBy('filler-1')).toBe(2n);
    expect(writes.writtenBy('never-wrote')).toBe(2n);
  });
});
