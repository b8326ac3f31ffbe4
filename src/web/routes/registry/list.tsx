// /registry — organizations of the region (or of the user's municipality): search by name or INN,
// filters in a GET form (bookmarkable, works without JavaScript), pages, export of the same list.
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, useLoaderData, useLocation } from 'react-router';
import { can, scopeOf } from '../../../domain/permissions/permissions.ts';
import { KIND_TITLES, ORG_KINDS } from '../../../features/registry/registry.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { DataTable } from '../../components/data-table.tsx';
import { FilterForm } from '../../components/filter-form.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { queryObject, readPage } from '../../components/paging.ts';
import { load } from './registry.server.ts';

export const meta: MetaFunction = () => [{ title: 'Реестр организаций — noko' }];

const PAGE_SIZE = 50;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.view');
  const url = new URL(request.url);
  const filter = queryObject(url.search);
  const { page } = readPage(url.searchParams, PAGE_SIZE);
  const [list, refs] = await load(() =>
    Promise.all([
      ctx.services.registry.listOrganizations(ctx.caller, { ...filter, page, pageSize: PAGE_SIZE }),
      ctx.services.registry.references(ctx.caller),
    ]),
  );
  return {
    filter,
    page,
    total: list.total,
    rows: list.rows.map((o) => ({
      id: o.id,
      shortName: o.shortName,
      inn: o.inn,
      kind: o.kind,
      municipalityName: o.municipalityName,
      founderName: o.founderName,
      contingent: o.contingent,
      lastAssessedYear: o.lastAssessedYear,
      active: o.active,
    })),
    municipalities: refs.municipalities.map((m) => ({ value: String(m.id), label: m.name })),
    founders: refs.authorities.map((a) => ({ value: String(a.id), label: a.shortName })),
    wholeRegion: scopeOf(ctx.caller.role, 'registry.view') === 'all',
    canEdit: can(ctx.caller, 'registry.edit'),
    canImport: can(ctx.caller, 'registry.import'),
    canExport: can(ctx.caller, 'registry.export'),
  };
}

type Row = Awaited<ReturnType<typeof loader>>['rows'][number];

const any = (label: string) => [{ value: '', label }];

export default function RegistryList() {
  const d = useLoaderData<typeof loader>();
  const location = useLocation();
  const f = d.filter;
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={1}>Реестр организаций</Title>
          <Group gap="sm">
            {d.canEdit && (
              <Button component={Link} to="/registry/new">
                Добавить организацию
              </Button>
            )}
            {d.canImport && (
              <Button component={Link} to="/registry/import" variant="light">
                Импорт из XLSX или CSV
              </Button>
            )}
            {d.canExport && (
              <Button
                component="a"
                href={`/registry/export.xlsx${location.search}`}
                variant="light"
              >
                Выгрузить в XLSX
              </Button>
            )}
            <Anchor component={Link} to="/registry/authorities">
              Учредители
            </Anchor>
          </Group>
        </Group>
        <FilterForm resetTo="/registry" legend="Поиск и отбор" columns={3}>
          <TextInput name="q" label="Наименование или ИНН" defaultValue={f.q ?? ''} />
          <NativeSelect
            name="kind"
            label="Тип организации"
            defaultValue={f.kind ?? ''}
            data={[
              ...any('Все типы'),
              ...ORG_KINDS.map((k) => ({ value: k, label: KIND_TITLES[k] })),
            ]}
          />
          {d.wholeRegion && (
            <NativeSelect
              name="municipalityId"
              label="Муниципальное образование"
              defaultValue={f.municipalityId ?? ''}
              data={[...any('Все'), ...d.municipalities]}
            />
          )}
          <NativeSelect
            name="founderId"
            label="Учредитель"
            defaultValue={f.founderId ?? ''}
            data={[...any('Все'), ...d.founders]}
          />
          <NativeSelect
            name="status"
            label="Состояние"
            defaultValue={f.status ?? 'active'}
            data={[
              { value: 'active', label: 'Действующие' },
              { value: 'closed', label: 'Закрытые' },
              { value: 'all', label: 'Все' },
            ]}
          />
          <Checkbox
            name="due"
            value="1"
            mt="xl"
            defaultChecked={f.due === '1'}
            label="Подлежат оценке в этом году (не оценивались или 3 года назад и раньше)"
          />
        </FilterForm>
        <DataTable<Row>
          caption="Организации"
          hideCaption
          rows={d.rows}
          rowKey={(o) => o.id}
          empty="Организации не найдены. Измените условия отбора."
          columns={[
            {
              key: 'name',
              header: 'Организация',
              cell: (o) => (
                <Anchor component={Link} to={`/registry/${o.id}`}>
                  {o.shortName}
                </Anchor>
              ),
            },
            { key: 'inn', header: 'ИНН', cell: (o) => o.inn },
            { key: 'kind', header: 'Тип', cell: (o) => KIND_TITLES[o.kind] },
            { key: 'mun', header: 'Муниципальное образование', cell: (o) => o.municipalityName },
            { key: 'founder', header: 'Учредитель', cell: (o) => o.founderName ?? '—' },
            { key: 'cont', header: 'Контингент', numeric: true, cell: (o) => o.contingent },
            {
              key: 'last',
              header: 'Год последней оценки (по реестру)',
              cell: (o) => o.lastAssessedYear ?? 'не проводилась',
            },
            {
              key: 'state',
              header: 'Состояние',
              cell: (o) =>
                o.active ? (
                  'действует'
                ) : (
                  <Text span c="red.8">
                    закрыта
                  </Text>
                ),
            },
          ]}
        />
        <Pagination total={d.total} page={d.page} pageSize={PAGE_SIZE} />
      </Stack>
    </PageShell>
  );
}
