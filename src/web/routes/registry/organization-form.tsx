// The organization form of /registry/new and /registry/:id/edit: every registry field with its
// label, the server's message under the input, an error summary on top. Plain inputs and native
// selects: the form works without JavaScript.
import {
  Button,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { Form } from 'react-router';
import { KIND_TITLES, ORG_KINDS } from '../../../features/registry/registry.schema.ts';
import { CsrfField, ErrorSummary, type FormFailure } from '../../components/error-summary.tsx';

export interface OrganizationValues {
  code?: string | null;
  inn?: string | null;
  ogrn?: string | null;
  kpp?: string | null;
  kind?: string | null;
  shortName?: string | null;
  fullName?: string | null;
  municipalityId?: number | string | null;
  founderId?: number | string | null;
  address?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  contingent?: number | string | null;
  headName?: string | null;
  headPosition?: string | null;
  lastAssessedYear?: number | string | null;
}

export interface Option {
  value: string;
  label: string;
}

export interface OrganizationFormProps {
  csrf: string;
  values: OrganizationValues;
  municipalities: Option[];
  founders: Option[];
  failure?: FormFailure | null | undefined;
  submitLabel: string;
  /** Creation: the code may be set once (it is never changed afterwards). */
  withCode?: boolean;
  labelledBy: string;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function OrganizationForm(p: OrganizationFormProps) {
  const err = (k: string) => p.failure?.fields[k];
  const v = p.values;
  const text = (name: keyof OrganizationValues, label: string, extra: object = {}) => (
    <TextInput
      id={name}
      name={name}
      label={label}
      defaultValue={str(v[name])}
      error={err(name)}
      {...extra}
    />
  );
  return (
    <Form method="post" noValidate aria-labelledby={p.labelledBy}>
      <Stack gap="md" maw={900}>
        <ErrorSummary failure={p.failure} />
        <CsrfField token={p.csrf} />
        <Fieldset legend="Организация">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('shortName', 'Краткое наименование', { required: true })}
            <NativeSelect
              id="kind"
              name="kind"
              label="Тип организации"
              required
              defaultValue={str(v.kind) || 'school'}
              data={ORG_KINDS.map((k) => ({ value: k, label: KIND_TITLES[k] }))}
              error={err('kind')}
            />
          </SimpleGrid>
          {text('fullName', 'Полное наименование', { required: true, mt: 'sm' })}
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <NativeSelect
              id="municipalityId"
              name="municipalityId"
              label="Муниципальное образование"
              required
              defaultValue={str(v.municipalityId)}
              data={[{ value: '', label: 'Выберите…' }, ...p.municipalities]}
              error={err('municipalityId')}
            />
            <NativeSelect
              id="founderId"
              name="founderId"
              label="Учредитель"
              defaultValue={str(v.founderId)}
              data={[{ value: '', label: 'Не указан' }, ...p.founders]}
              error={err('founderId')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Реквизиты">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('inn', 'ИНН', { required: true, inputMode: 'numeric', description: '10 цифр' })}
            {p.withCode &&
              text('code', 'Код в реестре', { description: 'Необязательно; по умолчанию inn-ИНН' })}
            {text('ogrn', 'ОГРН', { inputMode: 'numeric' })}
            {text('kpp', 'КПП')}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Контакты и руководитель">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('address', 'Адрес')}
            {text('website', 'Официальный сайт', { description: 'Например, https://school1.ru/' })}
            {text('email', 'Электронная почта', { type: 'email' })}
            {text('phone', 'Телефон', { type: 'tel' })}
            {text('headName', 'Руководитель (ФИО)')}
            {text('headPosition', 'Должность руководителя')}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Для оценки">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              id="contingent"
              name="contingent"
              label="Контингент обучающихся"
              description="Определяет объём выборки опроса"
              required
              min={0}
              defaultValue={str(v.contingent)}
              error={err('contingent')}
            />
            <NumberInput
              id="lastAssessedYear"
              name="lastAssessedYear"
              label="Год последней независимой оценки (до noko)"
              min={2013}
              max={2100}
              defaultValue={str(v.lastAssessedYear)}
              error={err('lastAssessedYear')}
            />
          </SimpleGrid>
        </Fieldset>
        <div>
          <Button type="submit">{p.submitLabel}</Button>
        </div>
      </Stack>
    </Form>
  );
}
