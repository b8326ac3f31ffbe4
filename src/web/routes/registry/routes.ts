// Page routes of the registry feature (paths relative to src/web), spread into src/web/routes.ts.
import { route, type RouteConfigEntry } from '@react-router/dev/routes';

export const registryRoutes: RouteConfigEntry[] = [
  route('registry', 'routes/registry/list.tsx'),
  route('registry/new', 'routes/registry/new.tsx'),
  route('registry/import', 'routes/registry/import.tsx'),
  route('registry/template.xlsx', 'routes/registry/template-xlsx.ts'),
  route('registry/export.xlsx', 'routes/registry/export-xlsx.ts'),
  route('registry/authorities', 'routes/registry/authorities.tsx'),
  route('registry/:id', 'routes/registry/card.tsx'),
  route('registry/:id/edit', 'routes/registry/edit.tsx'),
];
