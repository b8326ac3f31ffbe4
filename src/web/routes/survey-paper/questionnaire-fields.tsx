// The questionnaire as compact, keyboard-first form fields for operators: one fieldset per question,
// «Да»/«Нет» radios (arrow keys switch, Tab moves to the next question), dependent questions
// disabled while their filter is «Нет» (a disabled field is not submitted; the server refuses such
// answers anyway, so without JavaScript the validation message explains it).
import { useState } from 'react';
import {
  QUESTIONS,
  RESPONDENT_LABELS,
  RESPONDENT_VALUES,
  SEX_LABELS,
  SEX_VALUES,
  type Question,
} from '../../../domain/survey/questionnaire.ts';
import { NO, YES } from '../../../domain/survey/form.ts';

export type FieldValues = Record<string, string>;

const box = { border: '1px solid #ccc', borderRadius: 4, padding: '4px 8px', margin: 0 };
const row = { display: 'flex', gap: 16, alignItems: 'baseline', flexWrap: 'wrap' as const };
const err = { color: '#c92a2a', fontSize: 13 };

function Choice(props: {
  q: Question;
  options: ReadonlyArray<readonly [string, string]>;
  value: string;
  disabled: boolean;
  first: boolean;
  onChange: (v: string) => void;
}) {
  const { q, options, value, disabled, first, onChange } = props;
  return (
    <span style={row}>
      {options.map(([v, label], i) => (
        <label key={v} style={{ whiteSpace: 'nowrap' }}>
          <input
            type="radio"
            name={q.id}
            value={v}
            checked={value === v}
            disabled={disabled}
            autoFocus={first && i === 0}
            onChange={() => onChange(v)}
          />{' '}
          {label}
        </label>
      ))}
    </span>
  );
}

function short(text: string): string {
  return text.length > 150 ? `${text.slice(0, 147)}…` : text;
}

/** Fields q1–q18 named as the domain's answersFromForm expects (yes/no, codes, years, text). */
export function QuestionnaireFields(props: {
  initial: FieldValues;
  errors: Record<string, string>;
  /** Focus the first question (after a save: the operator goes on with the next questionnaire). */
  autoFocus: boolean;
}) {
  const [values, setValues] = useState<FieldValues>(props.initial);
  const set = (id: string, v: string) => setValues((s) => ({ ...s, [id]: v }));
  return (
    <div style={{ display: 'grid', gap: 6 }}>
      {QUESTIONS.map((q, index) => {
        const disabled = q.filter !== undefined && values[q.filter] === NO;
        const error = props.errors[`answers.${q.id}`];
        const legend = (
          <>
            <b>{q.number}.</b> {short(q.text)}
            {q.filter && ` (если на вопрос ${Number(q.filter.slice(1))} — «Да»)`}
          </>
        );
        if (q.kind === 'text' || q.kind === 'age') {
          return (
            <div key={q.id} id={`answers.${q.id}`} style={box}>
              <label htmlFor={q.id}>{legend}</label>{' '}
              <input
                id={q.id}
                name={q.id}
                type={q.kind === 'age' ? 'number' : 'text'}
                inputMode={q.kind === 'age' ? 'numeric' : undefined}
                defaultValue={props.initial[q.id] ?? ''}
                style={{ width: q.kind === 'age' ? 80 : '60%' }}
                aria-invalid={error ? true : undefined}
              />
              {error && <div style={err}>{error}</div>}
            </div>
          );
        }
        const options: ReadonlyArray<readonly [string, string]> =
          q.kind === 'yesno'
            ? [
                [YES, 'Да'],
                [NO, 'Нет'],
              ]
            : q.kind === 'sex'
              ? SEX_VALUES.map((v) => [v, SEX_LABELS[v]] as const)
              : RESPONDENT_VALUES.map((v) => [v, RESPONDENT_LABELS[v]] as const);
        return (
          <fieldset
            key={q.id}
            id={`answers.${q.id}`}
            style={{ ...box, opacity: disabled ? 0.5 : 1 }}
            aria-invalid={error ? true : undefined}
          >
            <legend style={{ fontSize: 14 }}>{legend}</legend>
            <Choice
              q={q}
              options={options}
              value={values[q.id] ?? ''}
              disabled={disabled}
              first={props.autoFocus && index === 0}
              onChange={(v) => set(q.id, v)}
            />
            {disabled && <span style={{ fontSize: 13 }}> — пропускается (фильтр «Нет»)</span>}
            {error && <div style={err}>{error}</div>}
          </fieldset>
        );
      })}
    </div>
  );
}
