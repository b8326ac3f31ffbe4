// /registry/import — import from XLSX or CSV in two steps: upload → a report of every problem
// (row, column, what is wrong) → «Импортировать корректные строки» or «Ничего не импортировать».
// Works without JavaScript: two plain forms, the second carries the uploaded file's id.
import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from 'react-router';
import { Form, Link, data, useActionData, useLoaderData } from 'react-router';
import type {
  ImportPreview,
  ImportSummary,
} from '../../../features/registry/registry-import.service.ts';
import { IMPORT_ACCEPT } from '../../../features/registry/registry.schema.ts';
import { requirePermission } from '../../auth.server.ts';
import { DataTable } from '../../components/data-table.tsx';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { plural } from '../../components/format.ts';
import { PageShell } from '../../components/page-shell.tsx';
import { failure, formStrings, uploadFrom } from './registry.server.ts';

export const meta: MetaFunction = () => [{ title: 'Импорт реестра — noko' }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.import');
  return { csrf: ctx.csrfToken };
}

type Result =
  | { ok: true; step: 'preview'; preview: ImportPreview }
  | { ok: true; step: 'done'; summary: ImportSummary; mode: 'valid' | 'nothing' };

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requirePermission(context, request, 'registry.import');
  const form = await request.formData();
  const fields = formStrings(form);
  try {
    if (fields.intent === 'commit') {
      const mode = fields.mode === 'valid' ? 'valid' : 'nothing';
      const summary = await ctx.services.registry.commitImport(ctx.caller, {
        fileId: fields.fileId,
        mode,
      });
      return data<Result>({ ok: true, step: 'done', summary, mode });
    }
    const preview = await ctx.services.registry.previewImport(
      ctx.caller,
      await uploadFrom(form.get('file')),
    );
    return data<Result>({ ok: true, step: 'preview', preview });
  } catch (e) {
    return failure(e);
  }
}

const rows = (n: number) => `${n} ${plural(n, 'строка', 'строки', 'строк')}`;

export default function RegistryImport() {
  const { csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const preview = result?.ok && result.step === 'preview' ? result.preview : null;
  const done = result?.ok && result.step === 'done' ? result : null;
  return (
    <PageShell size="xl">
      <Stack gap="lg">
        <Anchor component={Link} to="/registry">
          ← К реестру
        </Anchor>
        <Title order={1}>Импорт организаций из XLSX или CSV</Title>
        {result && !result.ok && <ErrorSummary failure={result} />}
        {done && <DoneMessage summary={done.summary} mode={done.mode} />}
        {preview ? <Report csrf={csrf} p={preview} /> : <UploadForm csrf={csrf} />}
      </Stack>
    </PageShell>
  );
}

function UploadForm({ csrf }: { csrf: string }) {
  return (
    <Form method="post" encType="multipart/form-data" aria-labelledby="upload-title">
      <Stack gap="sm" maw={640}>
        <Title order={2} size="h3" id="upload-title">
          Шаг 1. Загрузите файл
        </Title>
        <Text size="sm">
          Заполните <Anchor href="/registry/template.xlsx">шаблон XLSX</Anchor> (на втором листе —
          допустимые типы, коды муниципальных образований и учредителей) или выгрузку реестра.
          Принимаются XLSX и CSV (UTF-8, разделитель «;» или «,») до 5 МБ. Организации с уже
          известным ИНН обновляются, новые добавляются.
        </Text>
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="preview" />
        <Text component="label" htmlFor="file" fw={500} size="sm">
          Файл реестра (XLSX или CSV)
        </Text>
        <input id="file" name="file" type="file" accept={IMPORT_ACCEPT} required />
        <div>
          <Button type="submit">Проверить файл</Button>
        </div>
      </Stack>
    </Form>
  );
}

function Report({ csrf, p }: { csrf: string; p: ImportPreview }) {
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Шаг 2. Результат проверки файла «{p.fileName}»
      </Title>
      <List>
        <List.Item>Всего строк с данными: {p.totalRows}</List.Item>
        <List.Item>
          Корректных: {p.validCount} (будет добавлено {p.wouldCreate}, обновлено {p.wouldUpdate})
        </List.Item>
        <List.Item>С ошибками: {p.invalidCount}</List.Item>
      </List>
      {p.issues.length > 0 ? (
        <DataTable
          caption={`Ошибки в файле: ${p.issues.length}`}
          rows={p.issues}
          rowKey={(i) => `${i.row}-${i.column}-${i.message}`}
          columns={[
            { key: 'row', header: 'Строка', numeric: true, cell: (i) => i.row },
            { key: 'col', header: 'Столбец', cell: (i) => i.column },
            { key: 'msg', header: 'Что не так', cell: (i) => i.message },
          ]}
        />
      ) : (
        <Alert color="green" variant="light" title="Ошибок нет">
          Все строки файла корректны.
        </Alert>
      )}
      <Form method="post" aria-label="Что сделать с файлом">
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="commit" />
        <input type="hidden" name="fileId" value={p.fileId} />
        <Group gap="md">
          {p.validCount > 0 && (
            <Button type="submit" name="mode" value="valid">
              Импортировать корректные строки ({rows(p.validCount)})
            </Button>
          )}
          <Button type="submit" name="mode" value="nothing" variant="light" color="gray">
            Ничего не импортировать
          </Button>
        </Group>
      </Form>
      <Text size="sm">
        Можно исправить файл и <Anchor href="/registry/import">загрузить его заново</Anchor>.
      </Text>
    </Stack>
  );
}

function DoneMessage({ summary, mode }: { summary: ImportSummary; mode: 'valid' | 'nothing' }) {
  const title = mode === 'valid' ? 'Импорт выполнен' : 'Файл не импортирован';
  return (
    <Alert color={mode === 'valid' ? 'green' : 'gray'} variant="light" title={title} role="status">
      {mode === 'valid'
        ? `Добавлено: ${summary.created}, обновлено: ${summary.updated}, пропущено строк с ошибками: ${summary.skipped}.`
        : 'Реестр не изменился.'}{' '}
      <Anchor component={Link} to="/registry">
        Перейти к реестру
      </Anchor>
    </Alert>
  );
}
