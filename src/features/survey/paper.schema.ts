// Contracts of paper entry and import (issue 4 item 5), shared by the pages, the API and the tests.
import { z } from 'zod';
import type { QuestionId } from '../../domain/survey/questionnaire.ts';

const id = (what: string) =>
  z.coerce
    .number({ error: `${what}: ожидается номер` })
    .int({ error: `${what}: ожидается целое число` })
    .positive({ error: `${what}: ожидается положительное число` });

/** Packet numbers are written on paper by hand: 1–40 characters, spaces trimmed. */
export const BatchNumber = z
  .string({ error: 'Номер пакета: ожидается строка' })
  .trim()
  .min(1, { error: 'Укажите номер пакета' })
  .max(40, { error: 'Номер пакета: не длиннее 40 символов' });

export const SequenceNumber = id('Номер анкеты в пакете').max(100000, {
  error: 'Номер анкеты в пакете: не больше 100000',
});

/** The organization by its survey code, or by campaign and organization ids. */
const Target = {
  surveyCode: z.string().trim().max(64).optional(),
  campaignId: id('Кампания').optional(),
  organizationId: id('Организация').optional(),
};

export const PaperEntryInput = z.object({
  ...Target,
  batchNumber: BatchNumber,
  /** Omitted: the next free number of the packet. */
  sequenceNumber: SequenceNumber.optional(),
  answers: z.unknown(),
});
/** Numbers may come as form strings: the schema converts them. */
type Num = number | string;
export interface PaperEntryInput {
  surveyCode?: string;
  campaignId?: Num;
  organizationId?: Num;
  batchNumber: string;
  sequenceNumber?: Num;
  answers: unknown;
}

export const SecondEntryInput = z.object({
  ...Target,
  batchNumber: BatchNumber,
  sequenceNumber: SequenceNumber,
  answers: z.unknown(),
});
export interface SecondEntryInput extends PaperEntryInput {
  sequenceNumber: Num;
}

export interface PaperEntryResult {
  id: number;
  campaignId: number;
  organizationId: number;
  batchNumber: string;
  sequenceNumber: number;
}

export interface BatchTotal {
  organizationId: number;
  organizationName: string;
  batchNumber: string;
  operatorId: number | null;
  operatorName: string | null;
  /** First entries of the packet (second entries never count). */
  entered: number;
  /** Of them, double-entered (keyed a second time). */
  doubleEntered: number;
}

export interface Mismatch {
  question: QuestionId;
  number: number;
  first: string;
  second: string;
}

export interface MismatchRow {
  responseId: number;
  organizationId: number;
  organizationName: string;
  batchNumber: string;
  sequenceNumber: number;
  firstOperator: string | null;
  secondOperator: string | null;
  mismatches: Mismatch[];
}

export interface MismatchReport {
  campaignId: number;
  /** Pairs compared (first and second entry exist). */
  compared: number;
  /** Pairs with at least one differing question. */
  withMismatches: number;
  rows: MismatchRow[];
}
