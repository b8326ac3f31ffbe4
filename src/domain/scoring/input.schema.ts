// Validation of the `noko score` input (methodology.md "Contract: noko score"). Field types are checked
// by zod; rules between fields (present ≤ required, «Да» ≤ its denominator) by organizationIssues;
// duplicate ids here. Every problem names its field, e.g. `organizations[0].survey.q2`.
//
// Unknown fields: rejected inside `methodology` (an unknown switch must not be silently ignored, or a
// campaign would be scored with a variant it did not ask for); allowed and ignored elsewhere (e.g.
// q15–q18 free text and demographics, names or notes of organisations).
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { FieldIssue } from '../errors.ts';
import { ORGANIZATION_KINDS, SURVEY_QUESTIONS, organizationIssues } from './input.ts';
import type { OrganizationInput } from './input.ts';
import { DENOMINATOR_MODES, ZERO_DENOMINATOR_MODES, methodologyVersion } from './methodology.ts';
import type { MethodologyVersion } from './methodology.ts';

const shown = (input: unknown): string =>
  input === undefined ? 'отсутствует' : JSON.stringify(input);

const count = z
  .number({
    error: (iss) =>
      iss.input === undefined
        ? 'обязательное поле'
        : `ожидается число (сейчас ${shown(iss.input)})`,
  })
  .int({ error: (iss) => `должно быть целым числом (сейчас ${shown(iss.input)})` })
  .min(0, { error: (iss) => `не может быть отрицательным (сейчас ${shown(iss.input)})` });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `обязательное поле; допустимо: ${values.join(', ')}`
        : `неизвестное значение ${shown(iss.input)}; допустимо: ${values.join(', ')}`,
  });

const object = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.object(shape, {
    error: (iss) => (iss.input === undefined ? 'обязательное поле' : 'ожидается объект'),
  });

const itemCount = object({ present: count, required: count });

const survey = object({
  respondents: count,
  ...Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, count])),
});

const organization = object({
  id: z
    .string({
      error: (iss) => (iss.input === undefined ? 'обязательное поле' : 'ожидается строка'),
    })
    .trim()
    .min(1, { error: 'не может быть пустым' }),
  kind: oneOf(ORGANIZATION_KINDS),
  stand: itemCount,
  site: itemCount,
  remoteChannels: count,
  comfortConditions: count,
  premisesAccessibility: count,
  serviceAccessibility: count,
  survey,
});

const methodology = z
  .strictObject(
    {
      denominators: oneOf(DENOMINATOR_MODES).optional(),
      zeroDenominator: oneOf(ZERO_DENOMINATOR_MODES).optional(),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys' ? 'неизвестный параметр' : 'ожидается объект',
    },
  )
  .optional();

const request = object({
  methodology,
  organizations: z
    .array(organization, {
      error: (iss) => (iss.input === undefined ? 'обязательное поле' : 'ожидается массив'),
    })
    .min(1, { error: 'нужна хотя бы одна организация' }),
});

export interface ScoreRequest {
  methodology: MethodologyVersion;
  organizations: OrganizationInput[];
}

/** `['organizations', 0, 'survey', 'q2']` → `organizations[0].survey.q2`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return text === '' ? '(весь документ)' : text;
}

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => ({
          path: fieldPath([...issue.path, k]),
          message: 'неизвестный параметр',
        }))
      : [{ path: fieldPath(issue.path), message: issue.message }],
  );
}

function duplicateIdIssues(orgs: readonly OrganizationInput[]): FieldIssue[] {
  const seen = new Map<string, number>();
  return orgs.flatMap((org, i) => {
    const first = seen.get(org.id);
    if (first === undefined) {
      seen.set(org.id, i);
      return [];
    }
    return [
      {
        path: `organizations[${i}].id`,
        message: `повторяется id ${JSON.stringify(org.id)} (как у organizations[${first}])`,
      },
    ];
  });
}

/** One AppError listing every problem, each on its own line as `field: message`. */
export function validationError(issues: readonly FieldIssue[]): AppError {
  const lines = issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
  return AppError.validation(`Неверные входные данные:\n${lines}`, [...issues]);
}

/** Parses and checks a `noko score` document; throws AppError(validation) naming every bad field. */
export function parseScoreRequest(data: unknown): ScoreRequest {
  const parsed = request.safeParse(data);
  if (!parsed.success) throw validationError(zodIssues(parsed.error));
  const organizations = parsed.data.organizations as OrganizationInput[];
  const issues = [
    ...organizations.flatMap((org, i) => organizationIssues(org, `organizations[${i}]`)),
    ...duplicateIdIssues(organizations),
  ];
  if (issues.length > 0) throw validationError(issues);
  return { methodology: methodologyVersion(parsed.data.methodology ?? {}), organizations };
}
