// Paper entry (issue 4 item 5): an operator keys paper questionnaires packet by packet; a sample
// is keyed a second time by somebody else and compared question by question.
//
// - Validation is the domain's in `reject` mode: the paper form disables a dependent question
//   whose filter is «Нет», so an answer to it means a keying error, not something to drop silently.
// - A questionnaire's place is (campaign, organization, packet, position); the database keeps it
//   unique, so a packet position can never be entered twice.
// - Second entries live in survey_double_entries, never in survey_responses, so no count over
//   responses (COUNTED_CONDITION in survey.repo.ts, stats, scoring) can include them.
// - Like online responses, questionnaires are anonymous data and are not written to the audit log
//   one by one; the operator who keyed each one is stored on the row (operator_id).
import { AppError, ERROR_CODES } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import { QUESTIONS } from '../../domain/survey/questionnaire.ts';
import { validateResponse } from '../../domain/survey/validate.ts';
import type { StoredAnswers } from '../../db/schema/index.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createRecalculationTrigger } from '../results/recalculation-trigger.ts';
import { parse } from '../registry/registry.shared.ts';
import {
  batchTotals,
  doubleEntryPairs,
  insertDoubleEntry,
  insertIfFree,
  nextSequence,
  paperOrganizations,
  paperResponseAt,
  paperTarget,
  type PaperTarget,
} from './paper.repo.ts';
import {
  PaperEntryInput,
  SecondEntryInput,
  type BatchTotal,
  type Mismatch,
  type MismatchReport,
  type PaperEntryResult,
} from './paper.schema.ts';
import { surveyValidationError } from './survey.service.ts';
import { normalizeCode } from './survey.schema.ts';

/** Answers are keyed while the campaign collects data (dates are not checked: paper arrives late). */
export function paperClosedReason(t: PaperTarget): string | null {
  if (t.organizationStatus !== 'included') {
    return `Организация «${t.organizationName}» не включена в перечень кампании «${t.campaignTitle}»`;
  }
  if (t.campaignStatus !== 'collecting') {
    return `Кампания «${t.campaignTitle}» не на этапе сбора данных: анкеты не принимаются`;
  }
  return null;
}

/** A stored answer as the report shows it. */
export function answerText(v: StoredAnswers[string]): string {
  if (v === undefined) return '—';
  if (v === true) return 'Да';
  if (v === false) return 'Нет';
  return String(v);
}

/** Questions whose first and second entries differ, in questionnaire order. */
export function compareEntries(first: StoredAnswers, second: StoredAnswers): Mismatch[] {
  return QUESTIONS.filter((q) => first[q.id] !== second[q.id]).map((q) => ({
    question: q.id,
    number: q.number,
    first: answerText(first[q.id]),
    second: answerText(second[q.id]),
  }));
}

export function createPaperService(deps: ServiceDeps) {
  const { db } = deps;
  const inputsChanged = createRecalculationTrigger(deps);

  async function target(input: {
    surveyCode?: string | undefined;
    campaignId?: number | undefined;
    organizationId?: number | undefined;
  }): Promise<PaperTarget> {
    const code = input.surveyCode ? normalizeCode(input.surveyCode) : '';
    let t: PaperTarget | null;
    if (code) t = await paperTarget(db, { code });
    else if (input.campaignId && input.organizationId)
      t = await paperTarget(db, {
        campaignId: input.campaignId,
        organizationId: input.organizationId,
      });
    else
      throw AppError.validation('Укажите код анкеты или организацию', [
        { path: 'organizationId', message: 'Выберите организацию или введите код анкеты' },
      ]);
    if (!t || (input.campaignId !== undefined && t.campaignId !== input.campaignId)) {
      throw AppError.notFound(
        code ? `Анкета с кодом «${code}» в этой кампании не найдена` : 'Организация не найдена',
      );
    }
    const reason = paperClosedReason(t);
    if (reason) throw AppError.invalidState(reason);
    return t;
  }

  function checked(answers: unknown): StoredAnswers {
    const result = validateResponse(answers, 'reject');
    if (!result.ok) throw surveyValidationError(result.issues);
    return result.answers as StoredAnswers;
  }

  return {
    /** The organization of a survey code or of campaign + organization ids, open for entry. */
    async target(
      caller: Caller,
      input: { surveyCode?: string; campaignId?: number; organizationId?: number },
    ): Promise<PaperTarget> {
      authorize(caller, 'survey.enterPaper');
      return target(input);
    },

    /** Stores one paper questionnaire (channel `paper`) in its packet; returns its place. */
    async enterPaper(caller: Caller, raw: PaperEntryInput): Promise<PaperEntryResult> {
      authorize(caller, 'survey.enterPaper');
      const input = parse(PaperEntryInput, raw);
      const t = await target(input);
      const answers = checked(input.answers);
      const seq =
        input.sequenceNumber ??
        (await nextSequence(db, t.campaignId, t.organizationId, input.batchNumber));
      const id = await insertIfFree(db, {
        campaignId: t.campaignId,
        organizationId: t.organizationId,
        channel: 'paper',
        answers,
        valid: true,
        submittedAt: deps.now(),
        batchNumber: input.batchNumber,
        sequenceNumber: seq,
        operatorId: caller.userId ?? null,
      });
      if (id === null) {
        throw AppError.conflict(
          `Анкета № ${seq} пакета «${input.batchNumber}» уже введена. Для контроля введите её в режиме повторного ввода.`,
        );
      }
      // A keyed questionnaire counts at once; the request is debounced (one job per campaign a
      // minute), so a packet keyed in a row asks once. Second entries never count: no request.
      await inputsChanged(t.campaignId, t.campaignStatus);
      return {
        id,
        campaignId: t.campaignId,
        organizationId: t.organizationId,
        batchNumber: input.batchNumber,
        sequenceNumber: seq,
      };
    },

    /** The second, independent keying of an entered questionnaire; returns its mismatches. */
    async enterSecond(caller: Caller, raw: SecondEntryInput): Promise<Mismatch[]> {
      authorize(caller, 'survey.enterPaper');
      const input = parse(SecondEntryInput, raw);
      const t = await target(input);
      const answers = checked(input.answers);
      const first = await paperResponseAt(
        db,
        t.campaignId,
        t.organizationId,
        input.batchNumber,
        input.sequenceNumber,
      );
      if (!first) {
        throw AppError.notFound(
          `Анкета № ${input.sequenceNumber} пакета «${input.batchNumber}» ещё не введена: сначала первичный ввод`,
        );
      }
      const id = await insertDoubleEntry(db, {
        responseId: first.id,
        answers,
        operatorId: caller.userId ?? null,
      });
      if (id === null) {
        throw new AppError(
          ERROR_CODES.CONFLICT,
          `Анкета № ${input.sequenceNumber} пакета «${input.batchNumber}» уже введена повторно`,
        );
      }
      return compareEntries(first.answers, answers);
    },

    /** Entered questionnaires per organization, packet and operator. */
    async batchTotals(
      caller: Caller,
      campaignId: number,
      filter: { organizationId?: number; batchNumber?: string } = {},
    ): Promise<BatchTotal[]> {
      authorize(caller, 'survey.enterPaper');
      return batchTotals(db, campaignId, filter);
    },

    /** Every double-entered questionnaire with the questions where the two entries differ. */
    async mismatchReport(caller: Caller, campaignId: number): Promise<MismatchReport> {
      authorize(caller, 'survey.enterPaper');
      const pairs = await doubleEntryPairs(db, campaignId);
      const rows = pairs.map(({ first, second, ...p }) => ({
        ...p,
        mismatches: compareEntries(first, second),
      }));
      return {
        campaignId,
        compared: rows.length,
        withMismatches: rows.filter((r) => r.mismatches.length > 0).length,
        rows,
      };
    },

    /** Included organizations of the campaign (for the operator's select). */
    async organizations(caller: Caller, campaignId: number) {
      authorize(caller, 'survey.enterPaper');
      return paperOrganizations(db, campaignId);
    },
  };
}

export type PaperService = ReturnType<typeof createPaperService>;
