// Benchmark of the site monitor (issue 5 item 6): N fixture sites served locally with injected
// latency (50–300 ms per response), checked at the default limits by the batch crawler (the
// isolated monitor: crawling in a worker thread with a bounded heap). Prints wall time, pages and
// sites per second, CPU time and the peak RSS of the monitor process; the fixture server runs in
// a child process, so its memory and CPU are reported apart, not counted. Target: 1,000 sites in
// under 60 s and under 300 MB.
// Usage: npm run bench:monitor [-- N] [--in-process | --app]
//   --in-process: the crawler in the main thread (as `noko monitor` uses it), for comparison;
//   --app: the application's run instead — a PGlite database with N organizations, the job queue
//   (pg-boss) and the monitor's jobs as `noko serve` starts them, one run over all organizations
//   (its checks, compressed page snapshots, progress and audit entries stored): wall time, peak
//   RSS of the whole process (web side, database, queue and the crawler's worker thread).
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { OrgKind } from '../src/domain/site-requirements/index.ts';
import { checkSites, createSiteMonitor } from '../src/features/monitor/crawler.ts';
import { createIsolatedMonitor } from '../src/features/monitor/isolated-monitor.ts';

// Good fixtures in rotation (documents, defects of the general rules, old layouts, charsets), with
// a few bad ones (redirect loop, endless body) mixed in.
const ROTATION = [
  'school',
  'bitrix',
  'cp1251',
  'legacy831',
  'placeholders',
  'hidden',
  'outside',
  'aliases',
  'nolink',
  'kindergarten',
  'school',
  'bitrix',
  'scans',
  'cp1251',
  'placeholders',
  'school',
  'bitrix',
  'bare',
  'aliases',
  'school',
  'legacy831',
  'school',
  'bitrix',
  'nonav',
  'hidden',
  'school',
  'bitrix',
  'school',
  'nolink',
  'login',
  'kindergarten',
  'school',
  'bitrix',
  'school',
  'outside',
  'scans',
  'bitrix',
  'school',
  'cp1251',
  'school',
  'placeholders',
  'school',
  'bitrix',
  'bare',
  'aliases',
  'school',
  'bitrix',
  'school',
  'loop',
  'huge',
];

interface ServerStats {
  requests: number;
  maxRssMb: number;
  cpuSeconds: number;
}

async function serve(): Promise<void> {
  const { startFixtureSites, fixtureSite } = await import('../test/fixtures/sites/index.ts');
  // One fixture per type, shared by its numbered copies (encoded bodies are cached per response).
  const byType = new Map<string, ReturnType<typeof fixtureSite>>();
  const server = await startFixtureSites({
    latencyMs: [50, 300],
    sites: (name) => {
      const type = ROTATION[Number(name.replace('bench-', '')) % ROTATION.length] ?? 'school';
      if (!byType.has(type)) byType.set(type, fixtureSite(type));
      return byType.get(type);
    },
  });
  process.send?.({ port: server.port });
  process.on('message', (m) => {
    if (m === 'stats') {
      const cpu = process.cpuUsage();
      const stats: ServerStats = {
        requests: server.requests,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      };
      process.send?.(stats);
    }
    if (m === 'stop') void server.close().then(() => process.exit(0));
  });
}

function request<T>(child: ReturnType<typeof fork>, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1000);
  const inProcess = process.argv.includes('--in-process');
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: 'inherit' });
  const { port } = await new Promise<{ port: number }>((resolve) =>
    child.once('message', (m) => resolve(m as { port: number })),
  );
  if (process.argv.includes('--app')) {
    const { benchAppRun } = await import('./lib/monitor-app.ts');
    await benchAppRun(n, port, (i) => ROTATION[i % ROTATION.length] ?? 'school');
    const server = await request<ServerStats>(child, 'stats');
    console.log(
      `pages fetched:       ${server.requests}; fixture server peak RSS ${server.maxRssMb.toFixed(0)} MB (child process, not counted)`,
    );
    child.send('stop');
    return;
  }
  const base = { publicUrl: 'http://noko.bench', allowPrivate: true };
  const isolated = inProcess
    ? null
    : createIsolatedMonitor({ ...base, hosts: { '*.sites.test': '127.0.0.1' } });
  const monitor =
    isolated ?? createSiteMonitor({ ...base, resolve: () => Promise.resolve('127.0.0.1') });
  const targets = Array.from({ length: n }, (_, i) => {
    const type = ROTATION[i % ROTATION.length];
    const kind: OrgKind = type === 'kindergarten' ? 'preschool' : 'school';
    return { url: `http://bench-${i}.sites.test:${port}/`, options: { kind } };
  });
  let done = 0;
  let unreachable = 0;
  let present = 0;
  let documents = 0;
  let peakHeap = 0;
  const worker = { used: 0, committed: 0 };
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (isolated)
      void isolated.heap().then((h) => {
        worker.used = Math.max(worker.used, h?.usedMb ?? 0);
        worker.committed = Math.max(worker.committed, h?.committedMb ?? 0);
      });
  }, 250);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await checkSites(monitor, targets, (r) => {
    done++;
    if (!r.reachable) unreachable++;
    present += r.score.present;
    documents += r.documents?.length ?? 0;
    if (done % 100 === 0) {
      const s = ((performance.now() - t0) / 1000).toFixed(1);
      process.stderr.write(`  ${done}/${n} sites, ${s} s, RSS ${mb(process.memoryUsage.rss())}\n`);
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const server = await request<ServerStats>(child, 'stats');
  await monitor.close();
  child.send('stop');
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const mode = inProcess ? 'in-process (main thread)' : 'isolated (worker thread)';
  console.log(`crawler:             ${mode}`);
  console.log(
    `sites:               ${n} (${unreachable} unreachable by design: loop / endless body)`,
  );
  console.log(`items present:       ${present} in total; PDFs read: ${documents}`);
  console.log(`wall time:           ${seconds.toFixed(1)} s`);
  console.log(
    `pages fetched:       ${server.requests} (${(server.requests / seconds).toFixed(0)} pages/s)`,
  );
  console.log(`sites per second:    ${(n / seconds).toFixed(1)}`);
  console.log(`CPU (monitor):       ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  console.log(
    `peak RSS (monitor):  ${peakMb.toFixed(0)} MB (main-thread heap peak ${mb(peakHeap)})`,
  );
  if (!inProcess)
    console.log(
      `crawler heap:        peak ${worker.used.toFixed(0)} MB used, ${worker.committed.toFixed(0)} MB committed (worker)`,
    );
  console.log(
    `fixture server:      peak RSS ${server.maxRssMb.toFixed(0)} MB, CPU ${server.cpuSeconds.toFixed(1)} s (child process, not counted)`,
  );
  console.log(
    `targets:             < 60 s ${seconds < 60 ? 'OK' : 'MISSED'}, < 300 MB ${peakMb < 300 ? 'OK' : 'MISSED'}`,
  );
}

if (process.argv.includes('--serve')) await serve();
else await main();
