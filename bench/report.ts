// The markdown the run prints and writes to bench/RESULTS.md.
import type { PlanSummary } from './explain.ts';
import type { SystemId, WorkloadId } from '../tests/support/workloads.ts';

/** quotegraph with its response cache on (in memory), measured beside the cache-off servers. */
export const CACHED = 'quotegraph (cached)';

export interface Measurement {
  /** 1-based; each round measures every workload × system once. */
  round: number;
  scale: number;
  quotes: number;
  workload: WorkloadId;
  system: SystemId | 'quotegraph (PGlite)' | typeof CACHED;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  statementsPerRequest: { all: number; data: number } | null;
  cpuMsPerRequest: number;
  peakRssMb: number;
}

export interface CheckResult {
  scale: number;
  workload: WorkloadId;
  system: string;
  samples: number;
  mismatches: number;
  firstMismatch?: string;
}

export interface RunReport {
  date: string;
  machine: string[];
  settings: string[];
  /** What each workload asks, the same of every system. */
  workloads?: string[];
  generation: string[];
  measurements: Measurement[];
  checks: CheckResult[];
  plans: Record<number, PlanSummary[]>;
  profile: string | null;
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export const median = (values: number[]): number => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** One (scale, workload, system) over its rounds: medians, and the spread of req/s. */
export interface Summary {
  scale: number;
  quotes: number;
  workload: WorkloadId;
  system: Measurement['system'];
  rounds: number;
  requestsPerSecond: number;
  minRequestsPerSecond: number;
  maxRequestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
  maxPeakRssMb: number;
  failures: number;
  statementsPerRequest: { all: number; data: number } | null;
  /** Median over rounds of req/s ÷ the reference's req/s in the same round. */
  vsLimit: number;
  vsPostgraphile: number;
}

/** Medians per (scale, workload, system); ratios are taken within each round, then the median. */
export function summarise(
  measurements: Measurement[],
  reference?: (m: Measurement, system: SystemId) => Measurement | undefined,
): Summary[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const key = `${m.scale}|${m.workload}|${m.system}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const sameRound = (m: Measurement, system: SystemId) =>
    reference?.(m, system) ??
    measurements.find(
      (r) => r.scale === m.scale && r.workload === m.workload && r.system === system && r.round === m.round,
    );
  const ratio = (group: Measurement[], system: SystemId) =>
    median(
      group.map((m) => {
        const other = sameRound(m, system);
        return other ? m.requestsPerSecond / other.requestsPerSecond : NaN;
      }),
    );
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const rps = group.map((m) => m.requestsPerSecond);
    return {
      scale: first.scale,
      quotes: first.quotes,
      workload: first.workload,
      system: first.system,
      rounds: group.length,
      requestsPerSecond: median(rps),
      minRequestsPerSecond: Math.min(...rps),
      maxRequestsPerSecond: Math.max(...rps),
      p50: median(group.map((m) => m.p50)),
      p99: median(group.map((m) => m.p99)),
      cpuMsPerRequest: median(group.map((m) => m.cpuMsPerRequest)),
      peakRssMb: median(group.map((m) => m.peakRssMb)),
      maxPeakRssMb: Math.max(...group.map((m) => m.peakRssMb)),
      failures: group.reduce((a, m) => a + m.failures, 0),
      statementsPerRequest: group.find((m) => m.statementsPerRequest)?.statementsPerRequest ?? null,
      vsLimit: ratio(group, 'limit'),
      vsPostgraphile: ratio(group, 'postgraphile'),
    };
  });
}

function table(rows: Summary[]): string[] {
  const out = [
    '| workload | system | req/s (median) | req/s range | p50 ms | p99 ms | × limit | × PostGraphile | SQL/req (data / all) | CPU ms/req | peak RSS MB (median / max) | failed |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const m of rows) {
    out.push(
      `| ${m.workload} | ${m.system} | ${fixed(m.requestsPerSecond, 0)} | ${fixed(m.minRequestsPerSecond, 0)}–${fixed(m.maxRequestsPerSecond, 0)} | ${fixed(m.p50, 0)} | ${fixed(m.p99, 0)} | ${fixed(
        m.vsLimit,
        2,
      )} | ${fixed(m.vsPostgraphile, 2)} | ${m.statementsPerRequest ? `${fixed(m.statementsPerRequest.data, 2)} / ${fixed(m.statementsPerRequest.all, 2)}` : 'n/a'} | ${fixed(
        m.cpuMsPerRequest,
        2,
      )} | ${fixed(m.peakRssMb, 0)} / ${fixed(m.maxPeakRssMb, 0)} | ${m.failures} |`,
    );
  }
  return out;
}

function targets(pg: Summary[], embedded: Summary[]): string[] {
  const lines: string[] = ['## Targets', ''];
  const scales = [...new Set(pg.map((m) => m.scale))].sort((a, b) => a - b);
  const find = (scale: number, workload: WorkloadId, system: string) =>
    pg.find((m) => m.scale === scale && m.workload === workload && m.system === system);
  // One target line: the workloads' ratios (of one column of the table) and whether each reaches it.
  const ratioTarget = (
    scale: number,
    label: string,
    workloads: readonly WorkloadId[],
    ratioOf: (row: Summary) => number,
    floor: number,
  ) => {
    const ratios = workloads.map((w) => {
      const row = find(scale, w, 'quotegraph');
      return { w, ratio: row ? ratioOf(row) : Number.NaN };
    });
    const met = ratios.filter(({ ratio }) => Number.isFinite(ratio) && ratio >= floor).length;
    const shown = ratios.map(({ w, ratio }) => `${w} ${Number.isFinite(ratio) ? `${fixed(ratio, 2)}×` : 'n/a'}`);
    const verdict = met === ratios.length ? 'met' : met === 0 ? 'not met' : `met on ${met} of ${ratios.length}`;
    lines.push(`- ${scale} articles — ${label} (target ≥ ${floor}): ${shown.join(', ')} → **${verdict}**`);
  };
  for (const scale of scales) {
    ratioTarget(scale, 'quotegraph throughput ÷ PostGraphile on W1–W3', ['W1', 'W2', 'W3'], (q) => q.vsPostgraphile, 2);
    ratioTarget(
      scale,
      'quotegraph throughput ÷ the hand-written limit on W1–W5, uncached',
      ['W1', 'W2', 'W3', 'W4', 'W5'],
      (q) => q.vsLimit,
      0.5,
    );
  }
  const statementRows = pg.filter((m) => m.system === 'quotegraph' && m.statementsPerRequest);
  const worst = Math.max(...statementRows.map((m) => m.statementsPerRequest!.data));
  lines.push(
    `- quotegraph SQL statements per request (one root field each; target 1): ${statementRows
      .map((m) => `${m.workload}@${m.scale} ${fixed(m.statementsPerRequest!.data, 2)}`)
      .join(', ')} → **${worst <= 1.01 ? 'met' : 'not met'}**`,
  );
  if (scales.length >= 2) {
    const small = scales[0]!;
    const large = scales[scales.length - 1]!;
    for (const w of ['W2', 'W5'] as const) {
      const a = find(small, w, 'quotegraph');
      const b = find(large, w, 'quotegraph');
      if (a && b) {
        const ratio = b.p50 / Math.max(a.p50, 0.5);
        lines.push(
          `- ${w} quotegraph p50 at ${b.quotes} quotes ÷ p50 at ${a.quotes} quotes (target ≤ 1.5; asked at 1M vs 60k quotes): ${fixed(b.p50, 0)} / ${fixed(a.p50, 0)} ms = ${fixed(ratio, 2)} → **${ratio <= 1.5 ? 'met' : 'not met'}**`,
        );
      }
    }
  }
  const cached = pg.filter((m) => m.system === CACHED);
  if (cached.length) {
    lines.push(
      `- quotegraph with the response cache on (not a target; reported as a ratio to the limit): ${cached
        .map((m) => `${m.workload}@${m.scale} ${fixed(m.vsLimit, 2)}×`)
        .join(', ')}`,
    );
  }
  const quotegraphRows = pg.filter((m) => m.system === 'quotegraph');
  const rss = Math.max(...quotegraphRows.map((m) => m.peakRssMb));
  const rssMax = Math.max(...quotegraphRows.map((m) => m.maxPeakRssMb));
  lines.push(
    `- quotegraph on PostgreSQL, peak RSS under load (target < 300 MB): worst median over rounds ${fixed(rss, 0)} MB, highest single reading ${fixed(rssMax, 0)} MB → **${rssMax < 300 ? 'met' : rss < 300 ? 'met by the medians, not by every reading' : 'not met'}**` +
      (embedded.length
        ? ` (on PGlite, which holds the database in the same process: ${fixed(Math.max(...embedded.map((m) => m.maxPeakRssMb)), 0)} MB)`
        : ''),
  );
  return lines;
}

export function renderReport(report: RunReport): string {
  const out: string[] = [
    '# quotegraph benchmark results',
    '',
    `Run ${report.date}.`,
    '',
    '## Machine',
    '',
    ...report.machine.map((l) => `- ${l}`),
    '',
  ];
  out.push('## Settings', '', ...report.settings.map((l) => `- ${l}`), '');
  out.push(
    'Everything shares one 2-core machine (load generator, servers, PostgreSQL, and whatever else runs there): compare systems within a round, and expect run-to-run differences of 1.5–2× in absolute numbers.',
    '',
  );
  if (report.workloads?.length)
    out.push(
      '## Workloads (the same question to every system; tests/support/workloads.ts)',
      '',
      ...report.workloads.map((l) => `- ${l}`),
      '',
    );
  if (report.generation.length) out.push('## Data generation', '', ...report.generation.map((l) => `- ${l}`), '');
  const pgMeasurements = report.measurements.filter((m) => m.system !== 'quotegraph (PGlite)');
  const pg = summarise(pgMeasurements);
  for (const scale of [...new Set(pg.map((m) => m.scale))].sort((a, b) => a - b)) {
    const rows = pg.filter((m) => m.scale === scale);
    out.push(`## PostgreSQL, ${scale} articles (${rows[0]?.quotes} quotes)`, '');
    out.push(...table(rows), '');
  }
  // PGlite rounds run after the PostgreSQL ones: its ratios are against the median round of the
  // PostgreSQL systems at the same scale.
  const medianRound = (scale: number, workload: WorkloadId, system: SystemId) => {
    const rows = pgMeasurements.filter((r) => r.scale === scale && r.workload === workload && r.system === system);
    const rps = median(rows.map((r) => r.requestsPerSecond));
    return rows.length ? { ...rows[0]!, requestsPerSecond: rps } : undefined;
  };
  const embedded = summarise(
    report.measurements.filter((m) => m.system === 'quotegraph (PGlite)'),
    (m, system) => medianRound(m.scale, m.workload, system),
  );
  if (embedded.length) {
    out.push(
      `## Embedded PGlite, ${embedded[0]!.scale} articles (quotegraph only; × limit and × PostGraphile are against the median PostgreSQL rounds at the same scale)`,
      '',
    );
    out.push(...table(embedded), '');
  }
  out.push(...targets(pg, embedded), '');
  out.push('## Same answers?', '');
  const bad = report.checks.filter((c) => c.mismatches > 0);
  out.push(
    bad.length === 0
      ? `All ${report.checks.reduce((a, c) => a + c.samples, 0)} sampled answers matched the limit's after normalising shapes.`
      : `**MISMATCHES**: ${bad.map((c) => `${c.system} ${c.workload}@${c.scale}: ${c.mismatches}/${c.samples}${c.firstMismatch ? ` (first: ${c.firstMismatch})` : ''}`).join('; ')}`,
    '',
  );
  out.push('## quotegraph query plans (EXPLAIN ANALYZE, BUFFERS in bench/out/explain-*.txt)', '');
  out.push(
    '| scale | workload | sample | statements | execution ms | seq scans | indexes used |',
    '|---:|---|---|---:|---:|---|---|',
  );
  for (const [scale, plans] of Object.entries(report.plans)) {
    for (const p of plans) {
      out.push(
        `| ${scale} | ${p.workload} | ${p.label} | ${p.statements} | ${fixed(p.executionMs, 2)} | ${p.seqScans.join(', ') || '—'} | ${p.indexes.join(', ') || '—'} |`,
      );
    }
  }
  out.push('');
  if (report.profile) out.push('## Where quotegraph spends its CPU under W1–W3', '', report.profile, '');
  return out.join('\n');
}
