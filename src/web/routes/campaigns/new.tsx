// /campaigns/new — a new campaign: title, year and the methodology switches (ADR 0005).
import { Button, NumberInput, Radio, Stack, TextInput, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, redirect, useActionData, useLoaderData } from 'react-router';
import {
  DENOMINATOR_TITLES,
  ZERO_DENOMINATOR_TITLES,
} from '../../../features/campaigns/campaigns.schema.ts';
import { DEFAULT_SAMPLE } from '../../../domain/scoring/methodology.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, formFields, requireUser } from './campaigns.server.ts';
import { requirePermission } from '../../auth.server.ts';
import { Csrf, ErrorSummary } from './ui.tsx';

export const meta: MetaFunction = () => [{ title: 'Новая кампания — noko' }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'campaign.create');
  const year = ctx.services.deps.now().getUTCFullYear();
  return { csrf: ctx.csrfToken, year };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireUser(context, request);
  const input = formFields(await request.formData());
  try {
    const c = await ctx.services.campaigns.create(ctx.caller, input);
    return redirect(`/campaigns/${c.id}`);
  } catch (e) {
    return failure(e);
  }
}

export default function NewCampaign() {
  const { csrf, year } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const err = (k: string) => result?.fields[k];
  return (
    <PageShell>
      <Form method="post" noValidate aria-labelledby="new-title">
        <Stack gap="md" maw={640}>
          <Title order={1} id="new-title">
            Новая кампания
          </Title>
          <ErrorSummary failure={result} />
          <Csrf token={csrf} />
          <TextInput
            name="title"
            label="Название"
            required
            defaultValue={`НОК УООД ${year}`}
            error={err('title')}
          />
          <NumberInput
            name="year"
            label="Год оценки"
            required
            defaultValue={year}
            min={2000}
            max={2100}
            error={err('year')}
          />
          <Radio.Group
            name="denominators"
            label="Знаменатель показателей 1.3 и 4.3"
            defaultValue="filter"
          >
            <Stack gap="xs" mt="xs">
              {Object.entries(DENOMINATOR_TITLES).map(([v, t]) => (
                <Radio key={v} value={v} label={t} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group name="zeroDenominator" label="Нулевой знаменатель" defaultValue="exclude">
            <Stack gap="xs" mt="xs">
              {Object.entries(ZERO_DENOMINATOR_TITLES).map(([v, t]) => (
                <Radio key={v} value={v} label={t} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            name="sampleShare"
            label="Доля контингента в выборке"
            description="Число от 0 до 1, по умолчанию 0.40"
            defaultValue={DEFAULT_SAMPLE.share}
            error={err('sampleShare') ?? err('sample.share')}
          />
          <NumberInput
            name="sampleCap"
            label="Предел выборки (респондентов)"
            description="По умолчанию 600"
            defaultValue={DEFAULT_SAMPLE.cap}
            min={1}
            error={err('sampleCap') ?? err('sample.cap')}
          />
          <Button type="submit">Создать кампанию</Button>
        </Stack>
      </Form>
    </PageShell>
  );
}
