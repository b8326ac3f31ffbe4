// Global setup of the browser journeys: seeds the demo region once into a template folder with the
// real `noko demo` command; every `startApp()` then starts from a copy of that folder instead of
// seeding its own (the seed with its survey responses is the slowest part of starting a server).
// The copy is the same data `noko serve` would seed on an empty folder on the same day.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite folder holding the seeded demo region (copied, never opened, by the journeys). */
    demoTemplate: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'noko-e2e-template-'));
  execFileSync(process.execPath, ['src/cli/main.ts', 'demo'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  project.provide('demoTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
