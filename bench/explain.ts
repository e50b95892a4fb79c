// EXPLAIN (ANALYZE, BUFFERS) of the exact SQL quotegraph sends for a workload, captured from
// an in-process app, written to bench/out/explain-<scale>-<workload>.txt.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../src/config.ts';
import { capturingApp } from './capture.ts';
import type { DatasetInfo } from './dataset.ts';
import { workloads, type Params, type WorkloadId } from '../tests/support/workloads.ts';

export interface PlanSummary {
  workload: WorkloadId;
  label: string;
  statements: number;
  executionMs: number;
  seqScans: string[];
  indexes: string[];
}

/** Sample parameters: the most quoted speaker, a mid-popular one and a rarely quoted one. */
function samples(workload: WorkloadId, info: DatasetInfo): { label: string; params: Params }[] {
  const ranks = [0, 20, Math.floor(info.people.length / 2)];
  if (workload === 'W2')
    return ranks.map((rank) => ({ label: `person rank ${rank}`, params: { personId: info.people[rank]!.id } }));
  if (workload === 'W5')
    return ranks.map((rank) => ({
      label: `surname of rank ${rank}`,
      params: { speakerName: info.people[rank]!.surname.toUpperCase() },
    }));
  if (workload === 'W4')
    return [
      { label: 'one word', params: { search: 'turbine' } },
      { label: 'two words', params: { search: 'turbine survey' } },
    ];
  if (workload === 'W1')
    return [
      { label: 'middle article', params: { articleId: Math.floor((info.articleIds.min + info.articleIds.max) / 2) } },
    ];
  return [{ label: 'front page', params: {} }];
}

export async function explainWorkloads(
  url: string,
  config: Config,
  info: DatasetInfo,
  outDir: string,
  ids: WorkloadId[],
): Promise<PlanSummary[]> {
  const app = capturingApp(url, config);
  const summaries: PlanSummary[] = [];
  try {
    await app.request({ query: '{ __typename }', variables: {} }); // connection set-up statements
    for (const id of ids) {
      const workload = workloads.find((w) => w.id === id)!;
      const lines: string[] = [];
      for (const sample of samples(id, info)) {
        const { statements } = await app.request(workload.body.quotegraph(sample.params) as never);
        for (const statement of statements) {
          const plan = await app.client.unsafe<{ 'QUERY PLAN': string }[]>(
            `explain (analyze, buffers, format text) ${statement.text}`,
            statement.parameters as never[],
          );
          const text = plan.map((row) => row['QUERY PLAN']).join('\n');
          lines.push(
            `-- ${id} ${sample.label} (${info.scale} articles, ${info.quotes} quotes)`,
            `-- ${statement.text}`,
            `-- parameters: ${JSON.stringify(statement.parameters)}`,
            text,
            '',
          );
          summaries.push({
            workload: id,
            label: sample.label,
            statements: statements.length,
            executionMs: Number(text.match(/Execution Time: ([\d.]+) ms/)?.[1] ?? NaN),
            seqScans: [...new Set([...text.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))],
            indexes: [
              ...new Set(
                [...text.matchAll(/(?:Index|Index Only|Bitmap Index) Scan (?:Backward )?(?:using|on) (\w+)/g)].map(
                  (m) => m[1]!,
                ),
              ),
            ],
          });
        }
      }
      fs.writeFileSync(path.join(outDir, `explain-${info.scale}-${id}.txt`), lines.join('\n'));
    }
  } finally {
    await app.close();
  }
  return summaries;
}
