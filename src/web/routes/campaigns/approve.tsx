// /campaigns/:id/approve — the public council's decision approving the list: number, date and the
// protocol file (multipart; works without JavaScript).
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, redirect, useActionData, useLoaderData } from 'react-router';
import { PROTOCOL_ACCEPT } from '../../../features/campaigns/campaigns.schema.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, formFields, load, requireUser } from './campaigns.server.ts';
import { requirePermission } from '../../auth.server.ts';
import { CampaignNav, Csrf, ErrorSummary } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Утверждение перечня — noko' }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'campaign.approveList');
  const c = await load(() => ctx.services.campaigns.get(ctx.caller, Number(params.id)));
  return {
    csrf: ctx.csrfToken,
    campaign: { id: c.id, title: c.title, status: c.status, counts: c.counts, today: c.today },
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const id = Number(params.id);
  const form = await request.formData();
  const upload = form.get('protocol');
  const file =
    upload instanceof File && upload.size > 0
      ? {
          name: upload.name,
          type: upload.type,
          size: upload.size,
          bytes: new Uint8Array(await upload.arrayBuffer()),
        }
      : null;
  try {
    await ctx.services.campaigns.approveList(ctx.caller, id, formFields(form), file);
    return redirect(`/campaigns/${id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function ApproveList() {
  const { campaign, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const err = (k: string) => result?.fields[k];
  const fileError = err('protocol');
  return (
    <PageShell>
      <Stack gap="lg" maw={640}>
        <CampaignNav id={campaign.id} />
        <Title order={1} id="approve-title">
          Утверждение перечня: {campaign.title}
        </Title>
        {campaign.status !== 'draft' ? (
          <Text>Перечень уже утверждён.</Text>
        ) : (
          <Form
            method="post"
            encType="multipart/form-data"
            noValidate
            aria-labelledby="approve-title"
          >
            <Stack gap="md">
              <ErrorSummary failure={result} />
              <Text>
                Будут включены {campaign.counts.proposed + campaign.counts.included} организаций,
                исключены {campaign.counts.excluded}.
              </Text>
              <Csrf token={csrf} />
              <TextInput
                name="decisionNumber"
                label="Номер решения (протокола) общественного совета"
                required
                error={err('decisionNumber')}
              />
              <TextInput
                name="decisionDate"
                type="date"
                label="Дата решения"
                required
                max={campaign.today}
                error={err('decisionDate')}
              />
              <div>
                <label htmlFor="protocol-file">
                  <Text component="span" fw={500} size="sm">
                    Файл протокола (PDF, JPEG, PNG или DOCX, до 10 МБ)
                  </Text>
                </label>
                <input
                  id="protocol-file"
                  name="protocol"
                  type="file"
                  accept={PROTOCOL_ACCEPT}
                  required
                  aria-invalid={fileError ? true : undefined}
                  aria-describedby={fileError ? 'protocol-error' : undefined}
                  style={{ display: 'block', marginTop: 4 }}
                />
                {fileError && (
                  <Text id="protocol-error" c="red" size="sm">
                    {fileError}
                  </Text>
                )}
              </div>
              <Button type="submit">Утвердить перечень</Button>
            </Stack>
          </Form>
        )}
      </Stack>
    </PageShell>
  );
}
