// Server-side helpers of the checklist pages: the shared action of a section form (answers,
// photos and links in one multipart POST → the service → redirect to the next section), and the
// service's field paths turned into the form's field names for the error summary.
import { data, redirect } from 'react-router';
import type { Side } from '../../../domain/checklists/index.ts';
import {
  EVIDENCE_MAX_BYTES,
  type EvidenceUpload,
} from '../../../features/checklists/checklists.schema.ts';
import type { FieldIssue } from '../../../domain/errors.ts';
import type { SignedInContext } from '../../auth.server.ts';
import { asAppError } from '../../errors.server.ts';
import { httpStatusFor } from '../../../server/errors.ts';
import { formField, formStrings, sectionInput, siteInput, type FormValues } from './form-data.ts';
import { isSectionStep, nextStep, type StepKey } from './steps.ts';

export { load } from '../../errors.server.ts';
export { requirePermission, requireUser } from '../../auth.server.ts';

export interface FormFailure {
  ok: false;
  message: string;
  fields: Record<string, string>;
  values: FormValues;
}

/** An action's failure with the submitted values, so the form comes back as it was sent. */
export function formFailure(
  e: unknown,
  values: FormValues,
  linkKeys: readonly string[] = [],
  /** False for whole-checklist actions (send, confirm): their issues name fields elsewhere. */
  fieldsOnPage = true,
) {
  const err = asAppError(e);
  if (!err) throw e;
  const issues = fieldsOnPage
    ? ((err.details as { issues?: FieldIssue[] } | null)?.issues ?? [])
    : [];
  const fields: Record<string, string> = {};
  for (const i of issues) fields[formField(i.path, linkKeys)] ??= i.message;
  // With field messages the summary lists them as links to the fields (GOV.UK pattern).
  const message = Object.keys(fields).length > 0 ? 'Исправьте отмеченные поля:' : err.message;
  return data<FormFailure>(
    { ok: false, message, fields, values },
    { status: httpStatusFor(err.code) },
  );
}

/** Files of a section (`file.<key>`); an oversized one is not read, the service refuses it. */
async function uploads(form: FormData, section: StepKey): Promise<EvidenceUpload[]> {
  if (!isSectionStep(section)) return [];
  const out: EvidenceUpload[] = [];
  for (const [name, value] of form) {
    if (!name.startsWith('file.') || !(value instanceof File) || value.size === 0) continue;
    const head = {
      section,
      key: name.slice(5),
      name: value.name,
      type: value.type,
      size: value.size,
    };
    out.push({
      ...head,
      bytes:
        value.size > EVIDENCE_MAX_BYTES
          ? new Uint8Array()
          : new Uint8Array(await value.arrayBuffer()),
    });
  }
  return out;
}

const FIELD =
  /^(answer|reason|comment|link|file|listed|listedReason|callDate|callTime|callAnswered|letterSentOn|letterAnsweredOn)\.(.+)$/;

/** Item keys named by the posted fields, in form order (the service checks them). */
function postedKeys(form: FormData): string[] {
  const keys = new Set<string>();
  for (const name of form.keys()) {
    const m = FIELD.exec(name);
    if (m) keys.add(m[2]!);
  }
  return [...keys];
}

/**
 * Saves the posted section for `side` and redirects: «Сохранить» stays on the section,
 * «Сохранить и далее» moves on.
 */
export async function saveSection(opts: {
  ctx: SignedInContext;
  form: FormData;
  campaignId: number;
  organizationId: number;
  side: Side;
  steps: readonly StepKey[];
  pageUrl: string;
}) {
  const { form } = opts;
  const values = formStrings(form);
  const step = (opts.steps.find((s) => s === values.step) ?? opts.steps[0])!;
  let linkKeys: string[] = [];
  try {
    const files = await uploads(form, step);
    let input;
    if (isSectionStep(step)) {
      const parsed = sectionInput(values, opts.side, step, postedKeys(form));
      input = parsed.input;
      linkKeys = parsed.linkKeys;
    } else input = siteInput(values);
    await opts.ctx.services.checklists.save(
      opts.ctx.caller,
      opts.campaignId,
      opts.organizationId,
      input,
      files,
    );
  } catch (e) {
    return formFailure(e, values, linkKeys);
  }
  const go = form.get('intent') === 'next' ? (nextStep(step, opts.steps) ?? step) : step;
  return redirect(`${opts.pageUrl}?${new URLSearchParams({ section: go, saved: step })}`);
}
