// /registry/:id/edit — change an organization's registry data (an emptied field is cleared).
import { Anchor, Stack, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { OrganizationForm } from './organization-form.tsx';
import { failure, formStrings, load } from './registry.server.ts';

export const meta: MetaFunction = () => [{ title: 'Изменение организации — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.edit');
  const [card, refs] = await load(() =>
    Promise.all([
      ctx.services.registry.getOrganization(ctx.caller, Number(params.id)),
      ctx.services.registry.references(ctx.caller),
    ]),
  );
  const o = card.organization;
  return {
    csrf: ctx.csrfToken,
    id: o.id,
    canEdit: card.canEdit,
    values: {
      inn: o.inn,
      ogrn: o.ogrn,
      kpp: o.kpp,
      kind: o.kind,
      shortName: o.shortName,
      fullName: o.fullName,
      municipalityId: o.municipalityId,
      founderId: o.founderId,
      address: o.address,
      website: o.website,
      email: o.email,
      phone: o.phone,
      contingent: o.contingent,
      headName: o.headName,
      headPosition: o.headPosition,
      lastAssessedYear: o.lastAssessedYear,
    },
    municipalities: refs.editableMunicipalities.map((m) => ({
      value: String(m.id),
      label: m.name,
    })),
    founders: refs.authorities.map((a) => ({ value: String(a.id), label: a.shortName })),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.edit');
  const id = Number(params.id);
  const input = formStrings(await request.formData());
  try {
    await ctx.services.registry.updateOrganization(ctx.caller, id, input);
    return redirect(`/registry/${id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function EditOrganization() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <PageShell>
      <Stack gap="md">
        <Anchor component={Link} to={`/registry/${d.id}`}>
          ← К карточке организации
        </Anchor>
        <Title order={1} id="edit-org-title">
          Изменение: {d.values.shortName}
        </Title>
        <OrganizationForm
          csrf={d.csrf}
          values={d.values}
          municipalities={d.municipalities}
          founders={d.founders}
          failure={result}
          submitLabel="Сохранить"
          labelledBy="edit-org-title"
        />
      </Stack>
    </PageShell>
  );
}
