// `noko score FILE|-`: scores organisations from a JSON document (methodology.md "Contract: noko
// score"). Invalid input → AppError(validation) → exit code 2 with the field named on stderr and
// nothing on stdout: the whole result is computed before the first byte is written.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { AppError } from '../../domain/errors.ts';
import {
  contractOutput,
  outputWithProvenance,
  parseScoreRequest,
  scoreBatch,
} from '../../domain/scoring/index.ts';
import type { ScoreOutput } from '../../domain/scoring/index.ts';

async function readSource(source: string): Promise<string> {
  if (source === '-') return text(process.stdin);
  try {
    return await readFile(source, 'utf8');
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'файл не найден'
        : 'не удалось прочитать файл';
    throw AppError.validation(`${source}: ${reason}`, [{ path: source, message: reason }]);
  }
}

function parseJson(raw: string, source: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const name = source === '-' ? 'стандартный ввод' : source;
    throw AppError.validation(`Неверный JSON (${name}): ${detail}`, [
      { path: '(весь документ)', message: 'неверный JSON' },
    ]);
  }
}

// Scores are printed with exactly two decimals (85.00, as methodology.md "Rounding" shows them).
// JSON.stringify cannot keep trailing zeros, so scores are wrapped and written by a small
// serializer; everything else (ids, provenance) goes through JSON.stringify as usual.
class Fixed2 {
  readonly text: string;
  constructor(value: number) {
    this.text = value.toFixed(2);
  }
}

function markScores(value: unknown): unknown {
  if (typeof value === 'number') return new Fixed2(value);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markScores(v)]));
  }
  return value;
}

function serialize(value: unknown, pad: string): string {
  if (value instanceof Fixed2) return value.text;
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + serialize(v, inner)).join(',\n')}\n${pad}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${serialize(v, inner)}`);
    return `{\n${body.join(',\n')}\n${pad}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** JSON text of the output; only contract scores get the two-decimal form, provenance stays as is. */
export function renderScoreOutput(output: ScoreOutput): string {
  const marked = {
    ...output,
    organizations: output.organizations.map((o) => ({
      ...o,
      indicators: markScores(o.indicators),
      criteria: markScores(o.criteria),
      total: markScores(o.total),
    })),
    aggregate: {
      ...output.aggregate,
      criteria: markScores(output.aggregate.criteria),
      total: markScores(output.aggregate.total),
    },
  };
  return serialize(marked, '');
}

export interface ScoreOptions {
  provenance?: boolean;
}

/** The action of `noko score` (declared in score.command.ts). */
export async function scoreCommand(file: string, options: ScoreOptions): Promise<void> {
  const request = parseScoreRequest(parseJson(await readSource(file), file));
  const batch = scoreBatch(request);
  const output = options.provenance ? outputWithProvenance(batch) : contractOutput(batch);
  process.stdout.write(`${renderScoreOutput(output)}\n`);
}
