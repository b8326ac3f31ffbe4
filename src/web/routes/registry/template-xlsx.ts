// /registry/template.xlsx — the import template (columns, an example row, allowed values).
import type { LoaderFunctionArgs } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { download, load } from './registry.server.ts';

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.view');
  return download(await load(() => ctx.services.registry.importTemplate(ctx.caller)));
}
