// One checklist item as form fields: a fieldset whose legend is the item, big «Есть / Нет / Не
// применимо» radios, the reason for «не применимо», and under «Комментарий, фото, ссылка» the
// comment, the evidence already attached and new photos or a link. Remote channels (expert) add
// «Указан на сайте» and the test call or letter. Plain inputs: the form works without JavaScript.
import { Anchor, Text, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { ANSWER_TITLES, type Answer, type Side } from '../../../domain/checklists/answers.ts';
import { EVIDENCE_ACCEPT, type ItemView } from '../../../features/checklists/checklists.schema.ts';
import { formatDate } from '../../components/format.ts';
import type { FormValues } from './form-data.ts';
import type { PrefillSource } from './initial-values.ts';

const PREFILL_TEXT: Record<PrefillSource, string> = {
  declared: 'Подставлено из самообследования организации — проверьте.',
  registry: 'Подставлено по данным реестра — проверьте.',
  monitor: 'Подставлено по данным мониторинга сайта — проверьте.',
  test: 'Подставлено по журналу проверки.',
};

export interface FieldProps {
  values: FormValues;
  errors: Record<string, string>;
  prefilled: Record<string, PrefillSource>;
}

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <Text id={id} c="red.8" size="sm" fw={600} mt={4}>
      {message}
    </Text>
  );
}

/** A radio group as a nested fieldset; the first radio carries the id the error summary links. */
export function Choice(props: {
  name: string;
  legend: ReactNode;
  options: readonly (readonly [string, string])[];
  p: FieldProps;
}) {
  const { name, legend, options, p } = props;
  const error = p.errors[name];
  const prefill = p.prefilled[name];
  return (
    <fieldset className="cl-sub" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="cl-options">
        {options.map(([value, label], i) => (
          <label key={value} className="cl-option">
            <input
              type="radio"
              id={i === 0 ? name : undefined}
              name={name}
              value={value}
              defaultChecked={p.values[name] === value}
              aria-invalid={error ? true : undefined}
            />
            {label}
          </label>
        ))}
      </div>
      {prefill && <p className="cl-prefill">{PREFILL_TEXT[prefill]}</p>}
      <ErrorText id={`${name}-error`} message={error} />
    </fieldset>
  );
}

function Field(props: {
  name: string;
  label: string;
  p: FieldProps;
  type?: string;
  description?: string;
  max?: string;
}) {
  const { name, p } = props;
  return (
    <TextInput
      id={name}
      name={name}
      label={props.label}
      type={props.type ?? 'text'}
      description={props.description}
      defaultValue={p.values[name] ?? ''}
      error={p.errors[name]}
      max={props.max}
      size="md"
    />
  );
}

const ANSWERS_ALL = (['yes', 'no', 'na'] as const).map((a) => [a, ANSWER_TITLES[a]] as const);
const YES_NO = [
  ['yes', 'Есть'],
  ['no', 'Нет'],
] as const;
const WORKS = [
  ['yes', 'Работает'],
  ['no', 'Не работает'],
] as const;

function hasError(errors: Record<string, string>, key: string): boolean {
  return Object.keys(errors).some((f) => f.endsWith(`.${key}`));
}

export function ItemFieldset(props: { item: ItemView; side: Side; today: string } & FieldProps) {
  const { item, side } = props;
  const k = item.key;
  const channel = side === 'confirmed' && item.section === 'remoteChannels' ? item.channel : null;
  const isChannel = item.section === 'remoteChannels';
  const moreOpen =
    Boolean(props.values[`comment.${k}`]) ||
    Boolean(props.errors[`file.${k}`] || props.errors[`link.${k}`] || props.errors[`comment.${k}`]);
  return (
    <fieldset
      id={`item-${k}`}
      className={`cl-item${hasError(props.errors, k) ? ' cl-invalid' : ''}`}
    >
      <legend>
        {item.number}. {item.title}
      </legend>
      {item.hint && (
        <Text size="sm" c="gray.7">
          {item.hint}
        </Text>
      )}
      {side === 'confirmed' && item.declared.answer && (
        <Text size="sm" mt={4}>
          Организация заявила: <b>{ANSWER_TITLES[item.declared.answer]}</b>
          {item.declared.reason ? ` (${item.declared.reason})` : ''}
          {item.declared.comment ? ` — «${item.declared.comment}»` : ''}
        </Text>
      )}
      {channel && <ChannelFields {...props} />}
      <Choice
        name={`answer.${k}`}
        legend={channel ? 'Проверка показала' : isChannel ? 'Способ есть и работает' : 'Ответ'}
        options={channel ? WORKS : isChannel ? YES_NO : ANSWERS_ALL}
        p={props}
      />
      {!isChannel && (
        <TextInput
          id={`reason.${k}`}
          name={`reason.${k}`}
          label="Причина, если «не применимо»"
          defaultValue={props.values[`reason.${k}`] ?? ''}
          error={props.errors[`reason.${k}`]}
          mt="sm"
          size="md"
        />
      )}
      <details className="cl-more" open={moreOpen}>
        <summary>
          Комментарий, фото, ссылка
          {item.evidence.length > 0 ? ` (материалов: ${item.evidence.length})` : ''}
        </summary>
        <Textarea
          id={`comment.${k}`}
          name={`comment.${k}`}
          label="Комментарий"
          autosize
          minRows={2}
          defaultValue={props.values[`comment.${k}`] ?? ''}
          error={props.errors[`comment.${k}`]}
          size="md"
        />
        <EvidenceList item={item} />
        <div style={{ marginTop: 12 }}>
          <label htmlFor={`file.${k}`}>
            <Text component="span" fw={500} size="sm">
              Добавить фото или документ (JPEG, PNG, WebP, HEIC, PDF; до 10 МБ каждый)
            </Text>
          </label>
          <input
            id={`file.${k}`}
            className="cl-file"
            type="file"
            name={`file.${k}`}
            accept={EVIDENCE_ACCEPT}
            multiple
            aria-invalid={props.errors[`file.${k}`] ? true : undefined}
            aria-describedby={props.errors[`file.${k}`] ? `file.${k}-error` : undefined}
          />
          <ErrorText id={`file.${k}-error`} message={props.errors[`file.${k}`]} />
        </div>
        <div style={{ marginTop: 12 }}>
          <Field
            name={`link.${k}`}
            label="Ссылка на документ или страницу сайта"
            type="url"
            p={props}
          />
        </div>
      </details>
    </fieldset>
  );
}

function EvidenceList({ item }: { item: ItemView }) {
  if (item.evidence.length === 0) return null;
  return (
    <ul style={{ margin: '12px 0 0', paddingLeft: 20 }}>
      {item.evidence.map((e) => (
        <li key={e.id}>
          <Anchor href={e.href} target="_blank" rel="noreferrer">
            {e.name ?? e.url}
          </Anchor>{' '}
          <Text span size="xs" c="gray.7">
            ({e.side === 'declared' ? 'организация' : 'эксперт'}
            {e.byName ? `, ${e.byName}` : ''})
          </Text>
        </li>
      ))}
    </ul>
  );
}

const MONITOR_TEXT = (v: boolean | null) =>
  v === null
    ? 'данных мониторинга сайта нет'
    : v
      ? 'по данным мониторинга указан на сайте'
      : 'по данным мониторинга на сайте не найден';

function ChannelFields(props: { item: ItemView; today: string } & FieldProps) {
  const { item } = props;
  const ch = item.channel!;
  const k = item.key;
  return (
    <>
      <Text size="sm" mt={4}>
        Сайт: {MONITOR_TEXT(ch.monitorListed)}.
      </Text>
      <Choice
        name={`listed.${k}`}
        legend="Указан на сайте"
        options={[
          ['yes', 'Указан'],
          ['no', 'Не указан'],
        ]}
        p={props}
      />
      <div style={{ marginTop: 8 }}>
        <Field
          name={`listedReason.${k}`}
          label="Причина, если не совпадает с мониторингом"
          p={props}
        />
      </div>
      {ch.testKind === 'call' && (
        <fieldset className="cl-sub">
          <legend>Пробный звонок</legend>
          <div className="cl-row">
            <Field name={`callDate.${k}`} label="Дата" type="date" max={props.today} p={props} />
            <Field name={`callTime.${k}`} label="Время" type="time" p={props} />
          </div>
          <Choice
            name={`callAnswered.${k}`}
            legend="Ответили на звонок"
            options={[
              ['yes', 'Ответили'],
              ['no', 'Не ответили'],
            ]}
            p={props}
          />
        </fieldset>
      )}
      {ch.testKind === 'letter' && (
        <fieldset className="cl-sub">
          <legend>Пробное письмо</legend>
          <div className="cl-row">
            <Field
              name={`letterSentOn.${k}`}
              label="Отправлено"
              type="date"
              max={props.today}
              p={props}
            />
            <Field
              name={`letterAnsweredOn.${k}`}
              label="Ответ получен"
              type="date"
              max={props.today}
              p={props}
            />
          </div>
          {ch.letterDeadline && (
            <Text size="sm" mt={4}>
              Ответ засчитывается, если получен не позднее {formatDate(ch.letterDeadline)} (5
              рабочих дней).
            </Text>
          )}
        </fieldset>
      )}
    </>
  );
}

export function answerText(a: Answer | null | undefined): string {
  return a ? ANSWER_TITLES[a] : '—';
}
