// /campaigns/:id/print/municipality/:municipalityId/posters.zip — every poster of a municipality's
// organizations in one ZIP (operator, regional administrator, that municipality's authority).
import type { LoaderFunctionArgs } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { load } from '../../errors.server.ts';
import { download, idParam } from './download.server.ts';

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.print');
  const f = await load(() =>
    ctx.services.surveyPrint.postersZip(
      ctx.caller,
      idParam(params.id),
      idParam(params.municipalityId),
    ),
  );
  return download(f);
}
