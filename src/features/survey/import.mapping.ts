// Pure part of the survey import: which file column holds which question, and what a cell means.
// Exports of other tools name their columns differently: Yandex Forms and Google Forms use the full
// question text, LimeSurvey question codes (q1, Q1), hand-made tables «Вопрос 1». All are guessed.
import { QUESTIONS, QUESTION_IDS, type QuestionId } from '../../domain/survey/questionnaire.ts';

/** Import targets: the 18 questions and, optionally, a column with the organization's survey code. */
export const IMPORT_TARGETS = [...QUESTION_IDS, 'code'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Target → 0-based file column, or null when the file has no such column. */
export type ColumnMapping = Partial<Record<ImportTarget, number | null>>;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[«»"“”„'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const TEXTS = QUESTIONS.map((q) => ({ id: q.id, number: q.number, text: norm(q.text) }));

/** The question a header names, by code, «Вопрос N» or text; null when none fits. */
export function guessHeader(header: string): ImportTarget | null {
  const raw = header.trim();
  if (!raw) return null;
  const code =
    /^q(\d{1,2})(?![\p{L}\p{N}])/iu.exec(raw) ?? /^вопрос\s*№?\s*(\d{1,2})(?!\d)/iu.exec(raw);
  if (code) {
    const id = `q${Number(code[1])}`;
    return (QUESTION_IDS as readonly string[]).includes(id) ? (id as QuestionId) : null;
  }
  const h = norm(raw.replace(/^\d{1,2}\s*[.)]\s*/, ''));
  if (/^(код|code|survey ?code|код анкеты|код организации)$/.test(h)) return 'code';
  const exact = TEXTS.find((t) => t.text === h);
  if (exact) return exact.id;
  // Tools add numbering or notes around the text: the longest question text inside the header.
  const inside = TEXTS.filter((t) => h.includes(t.text)).sort(
    (a, b) => b.text.length - a.text.length,
  )[0];
  if (inside) return inside.id;
  // Or cut it: a header of at least 30 characters that starts one question text only.
  const starts = h.length >= 30 ? TEXTS.filter((t) => t.text.startsWith(h)) : [];
  return starts.length === 1 ? starts[0]!.id : null;
}

/** The first column guessed for each target. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((h, i) => {
    const t = guessHeader(h);
    if (t && mapping[t] === undefined) mapping[t] = i;
  });
  return mapping;
}

const YES = new Set(['да', 'yes', 'y', '1', 'true', 'д', 'истина']);
const NO = new Set(['нет', 'no', 'n', '0', 'false', 'н', 'ложь']);
const SEX: Record<string, string> = {
  м: 'male',
  муж: 'male',
  мужской: 'male',
  male: 'male',
  ж: 'female',
  жен: 'female',
  женский: 'female',
  female: 'female',
};
const RESPONDENT: Record<string, string> = {
  parent: 'parent',
  родитель: 'parent',
  'родитель законный представитель': 'parent',
  'законный представитель': 'parent',
  student: 'student',
  обучающийся: 'student',
  ученик: 'student',
  студент: 'student',
  other: 'other',
  иное: 'other',
  другое: 'other',
};

/**
 * One cell as the answer validateResponse checks. Blank → undefined; unknown words pass through as
 * text so the validation report names the question instead of this function guessing.
 */
export function cellAnswer(id: QuestionId, cell: string): unknown {
  const v = cell.trim();
  if (!v) return undefined;
  const n = norm(v);
  const q = QUESTIONS.find((x) => x.id === id)!;
  switch (q.kind) {
    case 'yesno':
      return YES.has(n) ? true : NO.has(n) ? false : v;
    case 'sex':
      return SEX[n] ?? v;
    case 'respondent':
      return RESPONDENT[n] ?? v;
    case 'age':
      return /^\d{1,3}$/.test(v) ? Number(v) : v;
    case 'text':
      return v;
  }
}

/** A row's answers under a mapping (columns mapped to nothing are ignored). */
export function rowAnswers(
  row: readonly string[],
  mapping: ColumnMapping,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const id of QUESTION_IDS) {
    const col = mapping[id];
    if (col === undefined || col === null) continue;
    const value = cellAnswer(id, row[col] ?? '');
    if (value !== undefined) answers[id] = value;
  }
  return answers;
}
