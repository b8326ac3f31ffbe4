// The V8 settings `npm start` gives `noko serve` (package.json; docs/deploy.md "Memory"; ADR 0007):
// benches that measure the server run it with the same, so their figures are those of production.
// BENCH_SERVE_FLAGS=none measures V8's defaults instead (sized from the host's RAM).
export const SERVE_NODE_FLAGS: readonly string[] =
  process.env.BENCH_SERVE_FLAGS === 'none'
    ? []
    : ['--max-semi-space-size=8', '--max-old-space-size=1024'];

/** glibc arenas for the server's threads (an environment variable: read when the process starts). */
export const SERVE_ENV: Readonly<Record<string, string>> =
  process.env.BENCH_SERVE_FLAGS === 'none' ? {} : { MALLOC_ARENA_MAX: '2' };
