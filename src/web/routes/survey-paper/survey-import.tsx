// /campaigns/:id/survey-import — answers from exports of other tools (Yandex Forms, Google Forms,
// LimeSurvey): 1. upload XLSX/CSV → 2. column mapping (guessed from the headers) and the
// organization → «Проверить» shows the report per row → «Импортировать» stores the valid rows.
// A file imported before adds nothing. Works without JavaScript: plain forms carrying the file id.
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, data, useActionData, useLoaderData } from 'react-router';
import { QUESTIONS } from '../../../domain/survey/questionnaire.ts';
import type {
  ImportCommitResult,
  ImportReport,
  ImportUpload,
} from '../../../features/survey/import.service.ts';
import type { ColumnMapping, ImportTarget } from '../../../features/survey/import.mapping.ts';
import { IMPORT_ACCEPT } from '../../../features/registry/registry.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { DataTable } from '../../components/data-table.tsx';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { PageShell } from '../../components/page-shell.tsx';
import { uploadFrom } from '../registry/registry.server.ts';
import { failure, formStrings, idParam, load } from './paper.server.ts';

export const meta: MetaFunction = () => [{ title: 'Импорт ответов из файла — noko' }];

const TARGETS: ReadonlyArray<readonly [ImportTarget, string]> = [
  ['code', 'Код анкеты (организация по строке)'],
  ...QUESTIONS.map(
    (q) => [q.id, `${q.number}. ${q.text.slice(0, 70)}${q.text.length > 70 ? '…' : ''}`] as const,
  ),
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.enterPaper');
  const campaignId = Number(params.id);
  const campaign = await load(() => ctx.services.campaigns.get(ctx.caller, campaignId));
  const organizations = await load(() => ctx.services.paper.organizations(ctx.caller, campaignId));
  return {
    csrf: ctx.csrfToken,
    campaign: { id: campaign.id, title: campaign.title },
    organizations,
  };
}

interface Step {
  ok: true;
  upload: ImportUpload;
  organizationId: number | null;
  report?: ImportReport;
  done?: ImportCommitResult;
}

function mappingFrom(fields: Record<string, string>): ColumnMapping {
  const m: ColumnMapping = {};
  for (const [t] of TARGETS) {
    const v = fields[`map.${t}`];
    m[t] = v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
  }
  return m;
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'survey.enterPaper');
  const campaignId = Number(params.id);
  const form = await request.formData();
  const fields = formStrings(form);
  try {
    if (fields.intent === 'upload') {
      const upload = await ctx.services.surveyImport.upload(
        ctx.caller,
        await uploadFrom(form.get('file')),
      );
      return data<Step>({
        ok: true,
        upload,
        organizationId: idParam(fields.organizationId) ?? null,
      });
    }
    const upload: ImportUpload = JSON.parse(fields.upload ?? '{}') as ImportUpload;
    const input = {
      campaignId,
      fileId: Number(fields.fileId),
      organizationId: idParam(fields.organizationId) ?? null,
      mapping: mappingFrom(fields),
    };
    const step: Step = {
      ok: true,
      upload: { ...upload, mapping: input.mapping },
      organizationId: input.organizationId,
    };
    if (fields.intent === 'commit')
      step.done = await ctx.services.surveyImport.commit(ctx.caller, input);
    else step.report = await ctx.services.surveyImport.check(ctx.caller, input);
    return data<Step>(step);
  } catch (e) {
    return failure(e);
  }
}

export default function SurveyImport() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData<typeof action>();
  const step = r && r.ok ? r : null;
  return (
    <PageShell size="xl">
      <Stack gap="md">
        <Anchor component={Link} to={`/campaigns/${d.campaign.id}/paper`}>
          ← К вводу бумажных анкет
        </Anchor>
        <Title order={1}>Импорт ответов из файла: {d.campaign.title}</Title>
        {r && !r.ok && <ErrorSummary failure={r} title="Не получилось" />}
        {step?.done && <Done result={step.done} />}
        {step && !step.done ? <MappingForm d={d} step={step} /> : <UploadForm csrf={d.csrf} />}
        {step?.report && <Report report={step.report} />}
      </Stack>
    </PageShell>
  );
}

function UploadForm({ csrf }: { csrf: string }) {
  return (
    <Form method="post" encType="multipart/form-data" aria-labelledby="upload-title">
      <Stack gap="sm" maw={640}>
        <Title order={2} size="h3" id="upload-title">
          Шаг 1. Загрузите выгрузку
        </Title>
        <Text size="sm">
          XLSX или CSV (UTF-8, «;» или «,») до 5 МБ из Яндекс Форм, Google Форм или LimeSurvey.
          Первая строка — заголовки: полный текст вопроса, «Вопрос N» или код q1…q18. Ответы
          «Да»/«Нет» (также yes/no, 1/0).
        </Text>
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="upload" />
        <label htmlFor="file">Файл (XLSX или CSV)</label>
        <input id="file" name="file" type="file" accept={IMPORT_ACCEPT} required />
        <div>
          <Button type="submit">Загрузить</Button>
        </div>
      </Stack>
    </Form>
  );
}

function MappingForm({
  d,
  step,
}: {
  d: ReturnType<typeof useLoaderData<typeof loader>>;
  step: Step;
}) {
  const u = step.upload;
  const columns = [
    { value: '', label: '— нет в файле —' },
    ...u.headers.map((h, i) => ({
      value: String(i),
      label: `${i + 1}: ${h.slice(0, 60) || '(без заголовка)'}`,
    })),
  ];
  return (
    <Form method="post" aria-labelledby="map-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="map-title">
          Шаг 2. Сопоставьте столбцы файла «{u.fileName}» ({u.dataRows} строк с данными)
        </Title>
        <CsrfField token={d.csrf} />
        <input type="hidden" name="fileId" value={u.fileId} />
        <input type="hidden" name="upload" value={JSON.stringify({ ...u, mapping: {} })} />
        <NativeSelect
          name="organizationId"
          label="Организация (если в файле нет столбца с кодом анкеты)"
          defaultValue={step.organizationId ? String(step.organizationId) : ''}
          data={[
            { value: '', label: '— по столбцу с кодом —' },
            ...d.organizations.map((o) => ({ value: String(o.organizationId), label: o.name })),
          ]}
        />
        {TARGETS.map(([t, label]) => (
          <NativeSelect
            key={t}
            name={`map.${t}`}
            label={label}
            defaultValue={
              u.mapping[t] !== undefined && u.mapping[t] !== null ? String(u.mapping[t]) : ''
            }
            data={columns}
          />
        ))}
        <Group>
          <Button type="submit" name="intent" value="check" variant="light">
            Проверить
          </Button>
          <Button type="submit" name="intent" value="commit">
            Импортировать корректные строки
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

const STATUS = { valid: 'корректна', invalid: 'с ошибками', imported_before: 'уже импортирована' };

function Summary({ r }: { r: ImportReport }) {
  return (
    <List>
      <List.Item>Строк с данными: {r.totalRows}</List.Item>
      <List.Item>Корректных: {r.valid}</List.Item>
      <List.Item>С ошибками: {r.invalid}</List.Item>
      <List.Item>Уже импортированы раньше: {r.importedBefore}</List.Item>
      <List.Item>Ответов на пропускаемые вопросы отброшено: {r.droppedAnswers}</List.Item>
    </List>
  );
}

function Report({ report }: { report: ImportReport }) {
  const notable = report.rows.filter((x) => x.status !== 'valid' || x.dropped.length > 0);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Результат проверки
      </Title>
      <Summary r={report} />
      <DataTable
        caption="Строки с ошибками, отброшенными ответами или импортированные раньше"
        rows={notable}
        rowKey={(x) => x.row}
        empty="Все строки корректны."
        columns={[
          { key: 'row', header: 'Строка', numeric: true, cell: (x) => x.row },
          { key: 'st', header: 'Статус', cell: (x) => STATUS[x.status] },
          {
            key: 'why',
            header: 'Подробности',
            cell: (x) =>
              [
                ...x.issues,
                ...(x.dropped.length ? [`отброшены ответы: ${x.dropped.join(', ')}`] : []),
              ].join('; '),
          },
        ]}
      />
    </Stack>
  );
}

function Done({ result }: { result: ImportCommitResult }) {
  return (
    <Alert
      color={result.added > 0 ? 'green' : 'gray'}
      variant="light"
      role="status"
      title="Импорт выполнен"
    >
      {result.added > 0
        ? `Добавлено ответов: ${result.added}.`
        : 'Ничего не добавлено: все корректные строки этого файла уже были импортированы.'}{' '}
      Уже импортированы раньше: {result.importedBefore}, с ошибками: {result.invalid}, отброшено
      ответов на пропускаемые вопросы: {result.droppedAnswers}.
    </Alert>
  );
}
