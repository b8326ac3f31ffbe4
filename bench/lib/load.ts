// Closed-loop HTTP load generator for the survey benchmark: `connections` virtual clients on a
// keep-alive agent (one socket each), each sending its next submission as soon as the previous
// one is answered, for warm-up + measured seconds. Raw node:http rather than fetch: less client
// CPU, which matters on a 2-core machine where the generator shares the cores with the server
// and the database.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  clientAddress,
  formFields,
  formRespondent,
  pickCode,
  randomAnswers,
} from './respondents.ts';

export type Kind = 'json' | 'form';

export interface LoadOptions {
  baseUrl: string;
  codes: readonly string[];
  kind: Kind;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  /** Acknowledged (stored) in the measured window / in the whole run including warm-up. */
  accepted: number;
  acknowledgedTotal: number;
  /** 429 (hourly limit per address): rejected by design, nothing stored. */
  rateLimited: number;
  rateLimitedTotal: number;
  /** Any other status or a network error, whole run. */
  errors: number;
  errorSamples: string[];
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

interface Reply {
  status: number;
  body: string;
  setCookie: string[];
}

function send(
  agent: http.Agent,
  url: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, method, path, headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The anonymous CSRF cookie (double-submit: the form's `_csrf` field equals it). */
async function csrfToken(agent: http.Agent, url: URL, code: string): Promise<string> {
  const page = await send(agent, url, 'GET', `/s/${code}`, {});
  const cookie = page.setCookie.find((c) => c.startsWith('noko_csrf='));
  if (page.status !== 200 || !cookie) {
    throw new Error(`GET /s/${code}: ${page.status}, no noko_csrf cookie`);
  }
  return cookie.slice('noko_csrf='.length).split(';')[0]!;
}

// Answer sets are drawn from a pool made once (varied: skip logic, optional questions): building
// and serializing a new one per request cost the generator, which shares the machine's two cores
// with the server and the database, a sizeable part of its CPU. Keys and addresses stay unique.
const POOL = 1024;
const answerPool = Array.from({ length: POOL }, () => randomAnswers());
const jsonAnswers = answerPool.map((a) => JSON.stringify(a));
const formAnswers = answerPool.map((a) => new URLSearchParams(formFields(a)).toString());
const pickIndex = () => Math.floor(Math.random() * POOL);

function jsonRequest(codes: readonly string[]) {
  const body = `{"surveyCode":${JSON.stringify(pickCode(codes))},"answers":${jsonAnswers[pickIndex()]}}`;
  return {
    path: '/api/v1/public/responses',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'idempotency-key': randomUUID(),
      'x-forwarded-for': clientAddress(),
      'user-agent': 'noko-bench/json',
    },
    body,
    ok: 201,
  };
}

function formRequest(codes: readonly string[], csrf: string) {
  const { code, token } = formRespondent(codes);
  const body = `_csrf=${encodeURIComponent(csrf)}&_key=${randomUUID()}&${formAnswers[pickIndex()]}`;
  return {
    path: `/s/${code}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      cookie: `noko_csrf=${csrf}; noko_survey=${token}`,
      'x-forwarded-for': clientAddress(),
      'user-agent': 'Mozilla/5.0 (noko-bench form)',
    },
    body,
    ok: 303,
  };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const url = new URL(o.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  let accepted = 0;
  let acknowledgedTotal = 0;
  let rateLimited = 0;
  let rateLimitedTotal = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const noteError = (what: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(what.slice(0, 300));
  };

  // Form clients first load the page once (their CSRF cookie), as a browser does.
  const csrf =
    o.kind === 'form'
      ? await Promise.all(
          Array.from({ length: o.connections }, (_, i) =>
            csrfToken(agent, url, o.codes[i % o.codes.length]!),
          ),
        )
      : [];

  const start = performance.now();
  const measureFrom = start + o.warmupSeconds * 1000;
  const end = measureFrom + o.seconds * 1000;

  async function client(i: number): Promise<void> {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const r = o.kind === 'json' ? jsonRequest(o.codes) : formRequest(o.codes, csrf[i]!);
      let reply: Reply;
      try {
        reply = await send(agent, url, 'POST', r.path, r.headers, r.body);
      } catch (e) {
        noteError(String(e));
        continue;
      }
      const t1 = performance.now();
      const measured = t0 >= measureFrom;
      if (reply.status === r.ok) {
        acknowledgedTotal++;
        if (measured) {
          accepted++;
          latencies.push(t1 - t0);
        }
      } else if (reply.status === 429) {
        rateLimitedTotal++;
        if (measured) {
          rateLimited++;
          latencies.push(t1 - t0);
        }
      } else {
        noteError(`${reply.status} ${reply.body}`);
      }
    }
  }

  await Promise.all(Array.from({ length: o.connections }, (_, i) => client(i)));
  // Requests started before `end` finish after it: divide by the real measured span.
  const seconds = (performance.now() - measureFrom) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    accepted,
    acknowledgedTotal,
    rateLimited,
    rateLimitedTotal,
    errors,
    errorSamples,
    seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}
