// `noko monitor` end to end: the real CLI process against a local fixture site; the JSON contract,
// the readable report, and exit codes 0 / 2 / 3.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFixtureSites } from '../../../test/fixtures/sites/index.ts';
import type { FixtureServer } from '../../../test/fixtures/sites/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function noko(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}bin/noko.js`, ...args], {
      cwd: root,
      env: { ...process.env, NOKO_MONITOR_ALLOW_PRIVATE: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The contract of site-monitoring.md «Contract: noko monitor», field by field (extra fields are
// allowed, so objects are not strict).
const ITEM_STATUS = z.enum([
  'found',
  'placeholder',
  'missing',
  'hidden',
  'outside_parent',
  'nonstandard',
]);
const Contract = z.object({
  url: z.string(),
  kind: z.enum(['preschool', 'school', 'vocational', 'additional']),
  checkedAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
  rulesetVersion: z.enum(['831', '1493', '1493+1353']),
  sectionLink: z.boolean(),
  sections: z
    .array(
      z.object({
        path: z.string().regex(/^\/sveden\/[A-Za-z_]+$/),
        url: z.string().nullable(),
        httpStatus: z.number().int().nullable(),
        status: z.enum(['found', 'missing', 'error']),
        reason: z.string().min(1).optional(),
        items: z.array(
          z.object({
            itemprop: z.string().nullable(),
            status: ITEM_STATUS,
            value: z.string().nullable(),
          }),
        ),
      }),
    )
    .length(14),
  channels: z
    .array(
      z.object({ channel: z.string(), detected: z.boolean(), evidence: z.string().nullable() }),
    )
    .refine(
      (cs) =>
        cs.map((c) => c.channel).join() === 'telephone,email,e_service,faq,quality_opinion,other',
    ),
  score: z.object({
    present: z.number().int().min(0),
    required: z.number().int().min(1),
    share: z.number().min(0).max(1),
  }),
});

/** The contract's invariants: error sections give a reason; the score counts found/placeholder. */
function checkContract(raw: unknown) {
  const out = Contract.parse(raw);
  for (const s of out.sections) if (s.status === 'error') expect(s.reason).toBeTruthy();
  const required = (
    raw as { sections: { items: { requirement: string; status: string }[] }[] }
  ).sections
    .flatMap((s) => s.items)
    .filter((i) => i.requirement === 'required');
  expect(out.score.required).toBe(required.length);
  expect(out.score.present).toBe(
    required.filter((i) => i.status === 'found' || i.status === 'placeholder').length,
  );
  expect(out.score.share).toBe(Math.round((out.score.present / out.score.required) * 1e4) / 1e4);
  return out;
}

let school: FixtureServer;
let loop: FixtureServer;

beforeAll(async () => {
  school = await startFixtureSites({ defaultSite: 'school' });
  loop = await startFixtureSites({ defaultSite: 'loop' });
});
afterAll(async () => {
  await school.close();
  await loop.close();
});

describe('noko monitor', () => {
  it('--json prints the contract object (exit 0)', async () => {
    const url = `http://127.0.0.1:${school.port}/`;
    const r = await noko(['monitor', url, '--kind', 'school', '--json', '--allow-private']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & {
      sections: Record<string, unknown>[];
    };
    checkContract(out);
    expect(out).toMatchObject({
      url,
      kind: 'school',
      rulesetVersion: expect.stringMatching(/^1493/),
      sectionLink: true,
      score: { present: expect.any(Number), required: expect.any(Number), share: 1 },
    });
    expect(Object.keys(out.sections[0]!)).toEqual(
      expect.arrayContaining(['path', 'url', 'httpStatus', 'status', 'items']),
    );
    expect(out.sections[0]!.items).toContainEqual(
      expect.objectContaining({
        itemprop: 'fullName',
        status: 'found',
        value: expect.stringContaining('Средняя школа № 7'),
      }),
    );
    expect(Array.isArray(out.channels)).toBe(true);
    expect(out.checkedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((out.checks as { key: string; status: string }[]).map((c) => c.key)).toEqual([
      'section_link',
      'shared_navigation',
      'no_registration',
      'file_link_purpose',
      'pdf_text_layer',
      'documents_available',
      'ministry_links',
      'russian_language',
      'visually_impaired_version',
      'e_signature',
      'accessibility',
      'information_as_images',
    ]);
    expect(r.stderr).toContain('noko monitor: главная страница');
  });

  it('prints a readable Russian report by default; the env switch allows loopback', async () => {
    const r = await noko(['monitor', `http://127.0.0.1:${school.port}/`, '--kind', 'school'], {
      NOKO_MONITOR_ALLOW_PRIVATE: '1',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Проверка сайта http:\/\/127\.0\.0\.1/);
    expect(r.stdout).toContain('/sveden/common «Основные сведения»: найден');
    expect(r.stdout).toMatch(/Итог: (\d+) из \1 обязательных сведений \(100,0 %\)/);
    expect(r.stdout).toContain('Общие требования к сайту:');
    expect(r.stdout).toContain('Общий механизм навигации по страницам раздела: выполнено');
  });

  it('exit 3 when the site cannot be reached, with the JSON still printed', async () => {
    const r = await noko([
      'monitor',
      `http://127.0.0.1:${loop.port}/`,
      '--kind',
      'school',
      '--json',
      '--allow-private',
    ]);
    expect(r.code).toBe(3);
    const out = checkContract(JSON.parse(r.stdout));
    expect(out.sections.every((s) => s.status === 'error')).toBe(true);
    expect(JSON.parse(r.stdout)).toMatchObject({
      reachable: false,
      reason: expect.stringMatching(/циклическое/),
    });
  });

  it.each([
    [['monitor', 'ht!tp://x', '--kind', 'school'], /неверный адрес сайта/],
    [['monitor', 'ftp://school.example/', '--kind', 'school'], /неверный адрес сайта/],
    [['monitor', 'https://school.example/', '--kind', 'university'], /неверный вид организации/],
    [['monitor', 'https://school.example/'], /неверный вид организации/],
    [['monitor', 'http://127.0.0.1/', '--kind', 'school'], /частной сети или localhost/],
    [['monitor', 'http://192.168.0.10/', '--kind', 'school'], /частной сети/],
    [['monitor', '--kind', 'school'], /^noko: адрес сайта не указан/],
    [['monitor', 'mailto:director@school.example', '--kind', 'school'], /неверный адрес сайта/],
    [['monitor', 'http://u:p@school.example/', '--kind', 'school'], /имени пользователя и пароля/],
    [
      ['monitor', 'https://school.example/', '--kind'],
      /у параметра --kind <kind> не указано значение/,
    ],
    [
      ['monitor', 'https://school.example/', '--kind', 'school', '--jsn'],
      /неизвестный параметр --jsn \(возможно, имелся в виду --json\)/,
    ],
    [
      ['monitor', 'https://a.example/', 'https://b.example/', '--kind', 'school'],
      /лишние аргументы/,
    ],
  ])('bad arguments %j → exit 2 with a clear message', async (args, message) => {
    const r = await noko(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
