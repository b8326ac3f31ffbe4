// /campaigns/:id/print/:orgId/(qr.svg|qr.png|poster.pdf|questionnaire.pdf) — one organization's
// QR code, A4 poster or paper questionnaire (operator, regional administrator, the municipal
// authority of its municipality, the organization itself).
import { data, type LoaderFunctionArgs } from 'react-router';
import {
  ORGANIZATION_FILES,
  type OrganizationFile,
} from '../../../features/survey-print/print.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { load } from '../../errors.server.ts';
import { download, idParam } from './download.server.ts';

const isFile = (v: unknown): v is OrganizationFile =>
  (ORGANIZATION_FILES as readonly unknown[]).includes(v);

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.print');
  if (!isFile(params.file)) throw data({ message: 'Файл не найден' }, { status: 404 });
  const file = params.file;
  const f = await load(() =>
    ctx.services.surveyPrint.organizationFile(
      ctx.caller,
      idParam(params.id),
      idParam(params.orgId),
      file,
    ),
  );
  return download(f);
}
