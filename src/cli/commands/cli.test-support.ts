// Running the real `noko` CLI from tests: the current Node 24 binary, an embedded database in a
// folder of the test's choosing, and never the developer's DATABASE_URL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

type Env = Record<string, string | undefined>;

/**
 * Runs `noko args` with the test process's environment `inherited` (passed in: only tests read
 * process.env) minus DATABASE_URL, plus `extra`.
 */
export function runCli(args: string[], inherited: Env, extra: Env = {}): Promise<CliRun> {
  const { DATABASE_URL: _ignored, ...base } = inherited;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}bin/noko.js`, ...args], {
      cwd: root,
      env: { ...base, LOG_LEVEL: 'warn', ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A new temporary folder; the database folder inside it is `<tmp>/data` (not created). */
export function tempRoot(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
