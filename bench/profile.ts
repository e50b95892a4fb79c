// Summarises a V8 .cpuprofile: self time by function and by package.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  if (!url) return '(native / V8)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node core';
  const src = url.indexOf('/src/');
  return src >= 0
    ? `quotegraph ${url
        .slice(src + 1)
        .split('/')
        .slice(0, 2)
        .join('/')}`
    : url;
}

/** `skipMs`: leave out the first milliseconds of the profile (process start-up, module loading). */
export function summariseProfile(file: string, options: { skipMs?: number; top?: number } = {}): string {
  const top = options.top ?? 25;
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  let elapsedMs = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    elapsedMs += delta;
    if (elapsedMs < (options.skipMs ?? 0)) return;
    selfMs.set(id, (selfMs.get(id) ?? 0) + delta);
  });
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfMs]
    .filter(([id]) => ['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName))
    .reduce((a, [, ms]) => a + ms, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    const where = frame.url
      ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|bench)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byPackage.set(packageOf(frame.url), (byPackage.get(packageOf(frame.url)) ?? 0) + ms);
  }
  const busy =
    total -
    [...selfMs].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, ms]) => a + ms, 0);
  const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1)}%`;
  const lines = [
    `Profile ${file.replace(/^.*\/bench\//, 'bench/')} (first ${((options.skipMs ?? 0) / 1000).toFixed(1)} s of start-up left out): ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (not idle); (program)+(idle) ${(idle / 1000).toFixed(1)} s`,
    '',
    '| self time by package | ms | share of busy |',
    '|---|---:|---:|',
    ...[...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, ms]) => `| ${name} | ${ms.toFixed(0)} | ${pct(ms)} |`),
    '',
    '| top self-time functions | ms | share of busy |',
    '|---|---:|---:|',
    ...[...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `| \`${name}\` | ${ms.toFixed(0)} | ${pct(ms)} |`),
  ];
  return lines.join('\n');
}
