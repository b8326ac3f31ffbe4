// Shared by the browser journeys: a real `noko serve` in a child process on a free port with its own
// embedded database (the demo region seeded unless told otherwise), and Debian's Chromium driven by
// playwright-core.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { inject } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = '/tmp/noko-e2e';
export const hasChromium = existsSync(CHROMIUM);

export interface RunningApp {
  url: string;
  stdout: () => string;
  /** SIGTERM and wait; resolves with the exit code (0 after a graceful shutdown). */
  stop: () => Promise<number | null>;
}

/**
 * Starts `noko serve` on port 0; resolves once it prints its URL. With the demo on (the default) the
 * folder starts as a copy of the demo region seeded once by test/e2e/demo-template.ts.
 */
export function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'noko-e2e-'));
  if (env.NOKO_DEMO !== '0' && !env.DATA_DIR) {
    cpSync(inject('demoTemplate'), dataDir, {
      recursive: true,
      filter: (src) => path.basename(src) !== 'noko.lock',
    });
  }
  const child: ChildProcess = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--port', '0'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      NOKO_DEMO: '1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const code = await exited;
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], stdout: () => out, stop });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The demo password printed by `noko serve` (src/features/demo). */
export function demoPassword(app: RunningApp): string {
  const m = /[Пп]ароль[^:]*:\s*(\S+)/.exec(app.stdout());
  if (!m?.[1]) throw new Error(`no demo password in the start-up text:\n${app.stdout()}`);
  return m[1];
}

/** Logs in through the real form; waits for the dashboard. */
export async function login(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel(/^Пароль/).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL('**/dashboard');
  // With JavaScript on the URL changes before the new page has rendered.
  await page.getByRole('heading', { level: 1, name: 'Панель' }).waitFor();
}

/** Waits until `text` is shown (client navigation renders after the URL changes). */
export async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the current page and returns the violations. The
 * script is evaluated through the DevTools protocol, so the page's CSP does not block it and the
 * check also works on pages opened with JavaScript disabled for the page itself.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(AXE_SOURCE, 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<AxeRun> } }).axe;
    interface AxeRun {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    }
    const run = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return run.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}
