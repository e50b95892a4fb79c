// The markdown the run prints and writes to bench/RESULTS.md.
import type { PlanSummary } from './explain.ts';
import type { SystemId, WorkloadId } from './workloads.ts';

export interface Measurement {
  scale: number;
  quotes: number;
  workload: WorkloadId;
  system: SystemId | 'quotegraph (PGlite)';
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
  generation: string[];
  measurements: Measurement[];
  checks: CheckResult[];
  plans: Record<number, PlanSummary[]>;
  profile: string | null;
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function table(measurements: Measurement[], baseline: (m: Measurement) => Measurement | undefined): string[] {
  const rows = [
    '| workload | system | req/s | p50 ms | p99 ms | × limit | SQL/req (data / all) | CPU ms/req | peak RSS MB | failed |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const m of measurements) {
    const limit = baseline(m);
    rows.push(
      `| ${m.workload} | ${m.system} | ${fixed(m.requestsPerSecond, 0)} | ${fixed(m.p50, 0)} | ${fixed(m.p99, 0)} | ${
        limit ? fixed(m.requestsPerSecond / limit.requestsPerSecond, 2) : 'n/a'
      } | ${m.statementsPerRequest ? `${fixed(m.statementsPerRequest.data, 2)} / ${fixed(m.statementsPerRequest.all, 2)}` : 'n/a'} | ${fixed(
        m.cpuMsPerRequest,
        2,
      )} | ${fixed(m.peakRssMb, 0)} | ${m.failures} |`,
    );
  }
  return rows;
}

function targets(report: RunReport): string[] {
  const lines: string[] = ['## Targets', ''];
  const pg = report.measurements.filter((m) => m.system !== 'quotegraph (PGlite)');
  const scales = [...new Set(pg.map((m) => m.scale))].sort((a, b) => a - b);
  const find = (scale: number, workload: WorkloadId, system: string) =>
    pg.find((m) => m.scale === scale && m.workload === workload && m.system === system);
  for (const scale of scales) {
    const ratios = (['W1', 'W2', 'W3'] as const).map((w) => {
      const q = find(scale, w, 'quotegraph');
      const p = find(scale, w, 'postgraphile');
      return q && p ? `${w} ${fixed(q.requestsPerSecond / p.requestsPerSecond, 2)}×` : `${w} n/a`;
    });
    const met = ratios.every((r) => /(\d+\.\d+)×/.test(r) && Number(r.match(/(\d+\.\d+)×/)![1]) >= 1.25);
    lines.push(`- ${scale} articles — quotegraph throughput ÷ PostGraphile on W1–W3 (target ≥ 1.25): ${ratios.join(', ')} → **${met ? 'met' : 'not met'}**`);
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
  const rss = Math.max(...pg.filter((m) => m.system === 'quotegraph').map((m) => m.peakRssMb));
  const embedded = report.measurements.filter((m) => m.system === 'quotegraph (PGlite)').map((m) => m.peakRssMb);
  lines.push(
    `- quotegraph on PostgreSQL, peak RSS under load (target < 300 MB): ${fixed(rss, 0)} MB → **${rss < 300 ? 'met' : 'not met'}**` +
      (embedded.length ? ` (on PGlite, which holds the database in the same process: ${fixed(Math.max(...embedded), 0)} MB)` : ''),
  );
  return lines;
}

export function renderReport(report: RunReport): string {
  const out: string[] = ['# quotegraph benchmark results', '', `Run ${report.date}.`, '', '## Machine', '', ...report.machine.map((l) => `- ${l}`), ''];
  out.push('## Settings', '', ...report.settings.map((l) => `- ${l}`), '');
  out.push(
    'Everything shares one 2-core machine (load generator, servers, PostgreSQL, and whatever else runs there): compare systems within a round, and expect run-to-run differences of 1.5–2× in absolute numbers.',
    '',
  );
  if (report.generation.length) out.push('## Data generation', '', ...report.generation.map((l) => `- ${l}`), '');
  const pg = report.measurements.filter((m) => m.system !== 'quotegraph (PGlite)');
  for (const scale of [...new Set(pg.map((m) => m.scale))].sort((a, b) => a - b)) {
    const rows = pg.filter((m) => m.scale === scale);
    out.push(`## PostgreSQL, ${scale} articles (${rows[0]?.quotes} quotes)`, '');
    out.push(...table(rows, (m) => rows.find((r) => r.workload === m.workload && r.system === 'limit')), '');
  }
  const embedded = report.measurements.filter((m) => m.system === 'quotegraph (PGlite)');
  if (embedded.length) {
    out.push(`## Embedded PGlite, ${embedded[0]!.scale} articles (quotegraph only; × limit is against the PostgreSQL limit at the same scale when it ran)`, '');
    out.push(...table(embedded, (m) => pg.find((r) => r.scale === m.scale && r.workload === m.workload && r.system === 'limit')), '');
  }
  out.push(...targets(report), '');
  out.push('## Same answers?', '');
  const bad = report.checks.filter((c) => c.mismatches > 0);
  out.push(
    bad.length === 0
      ? `All ${report.checks.reduce((a, c) => a + c.samples, 0)} sampled answers matched the limit's after normalising shapes.`
      : `**MISMATCHES**: ${bad.map((c) => `${c.system} ${c.workload}@${c.scale}: ${c.mismatches}/${c.samples}${c.firstMismatch ? ` (first: ${c.firstMismatch})` : ''}`).join('; ')}`,
    '',
  );
  out.push('## quotegraph query plans (EXPLAIN ANALYZE, BUFFERS in bench/out/explain-*.txt)', '');
  out.push('| scale | workload | sample | statements | execution ms | seq scans | indexes used |', '|---:|---|---|---:|---:|---|---|');
  for (const [scale, plans] of Object.entries(report.plans)) {
    for (const p of plans) {
      out.push(`| ${scale} | ${p.workload} | ${p.label} | ${p.statements} | ${fixed(p.executionMs, 2)} | ${p.seqScans.join(', ') || '—'} | ${p.indexes.join(', ') || '—'} |`);
    }
  }
  out.push('');
  if (report.profile) out.push('## Where quotegraph spends its CPU under W1–W3', '', report.profile, '');
  return out.join('\n');
}
