// Builds the pages (`react-router build`) when build/server/index.js is missing or older than any
// source the bundle may include, so `npm start` works on a fresh clone. `--force` always builds.
// Usage: node scripts/ensure-build.ts [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'build/server/index.js');

/** Everything the page bundle can import: pages, shared layers, configs and the lockfile. */
const INPUTS = [
  'src/web',
  'src/domain',
  'src/features',
  'src/config.ts',
  'react-router.config.ts',
  'vite.config.ts',
  'package-lock.json',
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why a build is needed, or undefined when build/ is up to date. */
export function staleReason(): string | undefined {
  if (!existsSync(output)) return 'сборки страниц нет';
  const built = statSync(output).mtimeMs;
  const changed = INPUTS.find((rel) => newestMtime(path.join(root, rel)) > built);
  return changed ? `изменились исходники (${changed})` : undefined;
}

/** Runs `react-router build` with this Node; returns the build time in ms. */
export function build(): number {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('@react-router/dev/package.json')), 'bin.cjs');
  const started = performance.now();
  // NODE_ENV=production whatever the caller runs under (vitest sets `test`, which would bundle
  // React's development build into the client).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0)
    throw new Error(`react-router build завершился с кодом ${result.status}`);
  return performance.now() - started;
}

export function ensureBuild(force = false): void {
  if (!force && !staleReason()) return;
  withBuildLock(() => {
    // Another process may have built while this one waited for the lock.
    const reason = force ? 'запрошена пересборка' : staleReason();
    if (!reason) return;
    process.stderr.write(`noko: собираю страницы — ${reason}…\n`);
    const ms = build();
    process.stderr.write(`noko: страницы собраны за ${(ms / 1000).toFixed(1)} с\n`);
  });
}

/**
 * Test projects (unit page tests, browser journeys) and `npm start` may ask for a build at the same
 * time; builds write the same folder, so they take turns. A lock older than 5 minutes is stale.
 */
function withBuildLock(fn: () => void): void {
  const lock = path.join(root, '.build.lock');
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error('сборка страниц: не дождался блокировки');
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (import.meta.main) ensureBuild(process.argv.includes('--force'));
