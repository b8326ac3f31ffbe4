// /registry/new — add an organization (regional administrator; municipal users in their own
// municipality).
import { Stack, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { redirect, useActionData, useLoaderData } from 'react-router';
import { requirePermission } from '../../auth.server.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { OrganizationForm } from './organization-form.tsx';
import { failure, formStrings, load } from './registry.server.ts';

export const meta: MetaFunction = () => [{ title: 'Новая организация — noko' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.edit');
  const refs = await load(() => ctx.services.registry.references(ctx.caller));
  const municipalities = refs.editableMunicipalities.map((m) => ({
    value: String(m.id),
    label: m.name,
  }));
  return {
    csrf: ctx.csrfToken,
    municipalities,
    founders: refs.authorities
      .filter((a) => a.active)
      .map((a) => ({ value: String(a.id), label: a.shortName })),
    defaultMunicipality: municipalities.length === 1 ? municipalities[0]!.value : '',
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.edit');
  const input = formStrings(await request.formData());
  try {
    const o = await ctx.services.registry.createOrganization(ctx.caller, input);
    return redirect(`/registry/${o.id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function NewOrganization() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <PageShell>
      <Stack gap="md">
        <Title order={1} id="new-org-title">
          Новая организация
        </Title>
        <OrganizationForm
          csrf={d.csrf}
          values={{ municipalityId: d.defaultMunicipality }}
          municipalities={d.municipalities}
          founders={d.founders}
          failure={result}
          submitLabel="Добавить в реестр"
          withCode
          labelledBy="new-org-title"
        />
      </Stack>
    </PageShell>
  );
}
