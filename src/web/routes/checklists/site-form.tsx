// The expert's «Сайт» step: the site half of 1.1 (Исайт / Инорм.сайт) as the site monitor
// counted it, kept or corrected with a mandatory reason (the change is in the audit log).
import { Button, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Form } from 'react-router';
import type { ChecklistView } from '../../../features/checklists/checklists.schema.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { formatDateTime } from '../../components/format.ts';
import type { FormFailure } from './checklists.server.ts';
import { Choice } from './item-fields.tsx';

export function SiteForm(props: {
  view: ChecklistView;
  csrf: string;
  failure: FormFailure | undefined;
}) {
  const { view, failure } = props;
  const { monitor, override } = view.site;
  const initial = {
    siteMode: override ? 'override' : 'monitor',
    sitePresent: override ? String(override.present) : monitor ? String(monitor.present) : '',
    siteRequired: override ? String(override.required) : monitor ? String(monitor.required) : '',
    siteReason: override?.reason ?? '',
  };
  const values: Record<string, string> = { ...initial, ...failure?.values };
  const errors = failure?.fields ?? {};
  const p = { values, errors, prefilled: {} };
  return (
    <Stack gap="md">
      <Title order={2} size="h3" id="site-title">
        Официальный сайт (показатель 1.1, половина «сайт»)
      </Title>
      <Text>
        {monitor
          ? `Мониторинг сайта от ${formatDateTime(monitor.checkedAt)}: найдено ${monitor.present} из ${monitor.required} обязательных сведений (Исайт / Инорм.сайт).`
          : 'Проверок сайта мониторингом для этой организации нет: укажите значения сами, с причиной.'}
      </Text>
      {override && (
        <Text>
          Сейчас действует исправление эксперта: {override.present} из {override.required}
          {override.byName ? ` (${override.byName}, ${formatDateTime(override.at)})` : ''} — «
          {override.reason}».
        </Text>
      )}
      <Form
        method="post"
        encType="multipart/form-data"
        aria-labelledby="site-title"
        noValidate
        key={failure ? 'f' : 'ok'}
      >
        <CsrfField token={props.csrf} />
        <input type="hidden" name="step" value="site" />
        <Stack gap="sm">
          <ErrorSummary failure={failure} title="Не сохранено" />
          <Choice
            name="siteMode"
            legend="Данные для расчёта"
            options={[
              ['monitor', 'Данные мониторинга'],
              ['override', 'Исправление эксперта'],
            ]}
            p={p}
          />
          <div className="cl-row">
            <TextInput
              id="sitePresent"
              name="sitePresent"
              label="Исайт — найдено сведений"
              inputMode="numeric"
              defaultValue={values.sitePresent}
              error={errors.sitePresent}
              size="md"
            />
            <TextInput
              id="siteRequired"
              name="siteRequired"
              label="Инорм.сайт — требуется сведений"
              inputMode="numeric"
              defaultValue={values.siteRequired}
              error={errors.siteRequired}
              size="md"
            />
          </div>
          <Textarea
            id="siteReason"
            name="siteReason"
            label="Причина исправления (обязательна для исправления)"
            autosize
            minRows={2}
            defaultValue={values.siteReason}
            error={errors.siteReason}
            size="md"
          />
          <div className="cl-actions">
            <Button type="submit" name="intent" value="save" size="md" variant="default">
              Сохранить
            </Button>
            <Button type="submit" name="intent" value="next" size="md">
              Сохранить и далее
            </Button>
          </div>
        </Stack>
      </Form>
    </Stack>
  );
}
