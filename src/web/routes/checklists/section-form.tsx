// The screen of one step: the step list, the saved notice, the local-draft banner and the form of
// the current section (multipart, so photos go with the answers), ending with «Сохранить» and
// «Сохранить и далее». Shared by the expert's form and the organization's self-report.
import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form, Link } from 'react-router';
import type { Side } from '../../../domain/checklists/answers.ts';
import type { ChecklistView, SectionView } from '../../../features/checklists/checklists.schema.ts';
import { CsrfField, ErrorSummary } from '../../components/error-summary.tsx';
import { DraftKeeper, draftKey } from './draft-keeper.tsx';
import type { FormValues } from './form-data.ts';
import { initialValues } from './initial-values.ts';
import { ItemFieldset } from './item-fields.tsx';
import { STEP_TITLES, type StepKey } from './steps.ts';
import type { FormFailure } from './checklists.server.ts';

/** The app takes multipart bodies up to 12 MiB (src/server/middleware.ts UPLOAD_BODY_LIMIT). */
const BODY_LIMIT = 12 * 1024 * 1024;
const FILE_LIMIT = 10 * 1024 * 1024;

export function StepNav(props: {
  steps: readonly StepKey[];
  current: StepKey;
  url: string;
  progress: Partial<Record<StepKey, string>>;
}) {
  const ref = useRef<HTMLElement>(null);
  // The row of steps scrolls sideways on a phone: keep the current one in view.
  useEffect(() => {
    ref.current
      ?.querySelector('[aria-current="step"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [props.current]);
  return (
    <nav aria-label="Разделы чек-листа" ref={ref}>
      <ol className="cl-steps">
        {props.steps.map((s, i) => (
          <li key={s}>
            <Link
              to={`${props.url}?section=${s}`}
              aria-current={s === props.current ? 'step' : undefined}
            >
              {i + 1}. {STEP_TITLES[s]}
              {props.progress[s] ? ` · ${props.progress[s]}` : ''}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** «4 из 15»: answered items of the side per section. */
export function progressOf(view: ChecklistView, side: Side): Partial<Record<StepKey, string>> {
  const out: Partial<Record<StepKey, string>> = {};
  for (const s of view.sections) {
    const done = s.items.filter(
      (i) => (side === 'declared' ? i.declared : i.confirmed)?.answer,
    ).length;
    out[s.section] = `${done} из ${s.items.length}`;
  }
  return out;
}

/** Blocks a submit whose photos cannot pass (JavaScript only; the server checks anyway). */
function checkFiles(e: FormEvent<HTMLFormElement>, setProblem: (m: string | null) => void) {
  let total = 0;
  for (const el of Array.from(e.currentTarget.elements)) {
    if (!(el instanceof HTMLInputElement) || el.type !== 'file' || !el.files) continue;
    for (const f of Array.from(el.files)) {
      if (f.size > FILE_LIMIT) {
        e.preventDefault();
        setProblem(`Файл «${f.name}» больше 10 МБ: уменьшите фото или выберите другое.`);
        return;
      }
      total += f.size;
    }
  }
  if (total > BODY_LIMIT - 256 * 1024) {
    e.preventDefault();
    setProblem(
      'Выбранные фото вместе больше 12 МБ. Сохраните раздел с частью фото, остальные добавьте следующим сохранением.',
    );
    return;
  }
  setProblem(null);
}

export function SectionForm(props: {
  view: ChecklistView;
  section: SectionView;
  side: Side;
  csrf: string;
  step: StepKey;
  hasNext: boolean;
  failure: FormFailure | undefined;
  savedStep: StepKey | null;
}) {
  const { view, section, side, failure } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const initial = initialValues(section.items, side);
  const values: FormValues = failure ? { ...initial.values, ...failure.values } : initial.values;
  const formId = `section-${section.section}`;
  const key = (step: string) => draftKey(view.campaign.id, view.organization.id, side, step);
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3" id={`${formId}-title`}>
          {section.title} (показатель {section.indicator})
        </Title>
        <Text size="sm" c="gray.7">
          {section.basis}. Каталог «{section.version}».
        </Text>
      </div>
      <DraftKeeper
        key={`${view.updatedAt ?? ''}|${failure ? 'failed' : 'ok'}`}
        formId={formId}
        storageKey={key(props.step)}
        savedKey={props.savedStep ? key(props.savedStep) : null}
        serverUpdatedAt={view.updatedAt}
      />
      {section.excluded.map((x) => (
        <Text key={x.number} size="sm" c="gray.7">
          Пункт {x.number} «{x.title}» не проверяется: {x.reason.toLowerCase()}.
        </Text>
      ))}
      <Form
        method="post"
        encType="multipart/form-data"
        id={formId}
        aria-labelledby={`${formId}-title`}
        noValidate
        onSubmit={(e) => checkFiles(e, setProblem)}
        key={`${view.updatedAt ?? ''}|${failure ? 'failed' : 'ok'}`}
      >
        <CsrfField token={props.csrf} />
        <input type="hidden" name="step" value={props.step} />
        <Stack gap={0}>
          <ErrorSummary failure={failure} title="Раздел не сохранён" />
          {failure && (
            <Text size="sm" mt="xs" mb="md">
              Выбранные файлы нужно выбрать снова: браузер не отправляет их повторно.
            </Text>
          )}
          {problem && (
            <Alert color="red" variant="light" role="alert" mb="md">
              {problem}
            </Alert>
          )}
          {section.items.map((item) => (
            <ItemFieldset
              key={item.key}
              item={item}
              side={side}
              today={view.today}
              values={values}
              errors={failure?.fields ?? {}}
              prefilled={failure ? {} : initial.prefilled}
            />
          ))}
          <div className="cl-actions">
            <Button type="submit" name="intent" value="save" size="md" variant="default">
              Сохранить
            </Button>
            {props.hasNext && (
              <Button type="submit" name="intent" value="next" size="md">
                Сохранить и далее
              </Button>
            )}
          </div>
        </Stack>
      </Form>
    </Stack>
  );
}

export function SavedNotice({ step }: { step: StepKey | null }) {
  if (!step) return null;
  return (
    <Alert color="green" variant="light" role="status">
      Раздел «{STEP_TITLES[step]}» сохранён.
    </Alert>
  );
}

export function ReadOnlyNote({
  text,
  link,
}: {
  text: string;
  link?: { to: string; label: string };
}) {
  return (
    <Alert color="gray" variant="light" role="note">
      {text}{' '}
      {link && (
        <Anchor component={Link} to={link.to}>
          {link.label}
        </Anchor>
      )}
    </Alert>
  );
}
