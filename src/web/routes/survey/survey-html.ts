// The public survey pages as plain HTML strings: no Mantine, no React runtime, one small inline
// stylesheet and one small inline script, so the whole page stays far below the 30 KB budget of
// issue 4 on slow mobile connections. Works fully without JavaScript: dependent questions are shown
// in a clearly labelled block and the server drops answers to them when their filter is «Нет»
// (questionnaire.md: such answers are not stored). With JavaScript the block appears only after «Да».
import {
  AGE_MAX,
  AGE_MIN,
  QUESTIONS,
  QUESTION_BY_ID,
  RESPONDENT_LABELS,
  RESPONDENT_VALUES,
  SEX_LABELS,
  SEX_VALUES,
  SURVEY_PREAMBLE,
  TEXT_MAX_LENGTH,
  type Question,
} from '../../../domain/survey/questionnaire.ts';
import { NO, YES } from '../../../domain/survey/form.ts';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// Colours meet WCAG 2.2 AA on white: text #1b1b1b (17:1), links/focus #0b57d0 (6.4:1),
// errors #b3261e (6.5:1), muted #4a4a4a (8.9:1).
const CSS = `*{box-sizing:border-box}body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
main{max-width:42rem;margin:0 auto;padding:1rem}h1{font-size:1.375rem;line-height:1.3;margin:.5rem 0 1rem}
.org{color:#4a4a4a;margin:0}a{color:#0b57d0}fieldset{border:1px solid #c4c4c4;border-radius:.5rem;margin:0 0 1rem;padding:.75rem 1rem}
legend{float:left;width:100%;font-weight:600;padding:0}.opts{clear:both;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin-top:.5rem}
.opts label{display:flex;align-items:center;gap:.5rem;min-height:2.75rem;cursor:pointer}input[type=radio]{width:1.375rem;height:1.375rem;margin:0}
.dep{border-left:4px solid #0b57d0;padding-left:.75rem;margin:0 0 1rem}.dep>p{margin:0 0 .5rem;color:#4a4a4a;font-size:.9375rem}
.field{margin:0 0 1rem}.field>label{display:block;font-weight:600;margin-bottom:.25rem}textarea,input[type=number]{width:100%;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:.375rem}
textarea{min-height:8rem}input[type=number]{max-width:8rem}.hint{color:#4a4a4a;font-size:.9375rem;margin:.25rem 0 0}
.err{clear:both;color:#b3261e;font-weight:600;margin:.25rem 0 0}.bad{border-color:#b3261e;border-width:2px}
.summary{border:3px solid #b3261e;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1.5rem}.summary h2{font-size:1.125rem;margin:0 0 .5rem}
.note{background:#eef3fd;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem}
button{font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.5rem;padding:.75rem 1.5rem;min-height:2.75rem;cursor:pointer}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}.summary:focus{outline:3px solid #b3261e}`;

// Instant skip logic: a dependent block is shown only after «Да» to its filter; hiding it clears
// its answers so they are not sent. Focus goes to the error summary when there is one.
const SCRIPT = `(function(){var f=document.getElementById('survey');if(!f)return;function u(){f.querySelectorAll('[data-filter]').forEach(function(d){var y=f.querySelector('input[name="'+d.getAttribute('data-filter')+'"][value="yes"]');var s=!!(y&&y.checked);d.hidden=!s;if(!s)d.querySelectorAll('input').forEach(function(i){i.checked=false})})}f.addEventListener('change',u);u();var e=document.getElementById('errors');if(e)e.focus()})();`;

export function page(title: string, body: string, nonce = ''): string {
  const script = body.includes('id="survey"')
    ? `<script nonce="${esc(nonce)}">${SCRIPT}</script>`
    : '';
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><link rel="icon" href="data:,"><style>${CSS}</style></head><body><main id="main">${body}</main>${script}</body></html>`;
}

export interface FormIssue {
  question: string | null;
  message: string;
}

export interface FormView {
  code: string;
  organization: string;
  campaign: string;
  csrfToken: string;
  /** Idempotency key of this form: a double submit stores one response. */
  formKey: string;
  nonce: string;
  values?: Readonly<Record<string, string>>;
  issues?: readonly FormIssue[];
  /** This browser already answered about this organization. */
  answeredBefore?: boolean;
  /**
   * `open`: the campaign collects now; `before`/`after`: collecting, but outside the collection
   * window (answers kept with a flag); `feedback`: after collection (feedback between campaigns).
   */
  mode?: 'open' | 'before' | 'after' | 'feedback';
  /** Collection window (YYYY-MM-DD) for the notices. */
  window?: { start: string | null; end: string | null };
}

/** The notice of feedback between campaigns (issue 4 item 8). */
export const FEEDBACK_NOTICE =
  'Сбор данных независимой оценки завершён; ваш отзыв будет передан организации и учтён при следующей оценке.';

const dmy = (iso: string | null | undefined) => (iso ? iso.split('-').reverse().join('.') : '');

function modeNotice(v: FormView): string {
  const span = [
    v.window?.start && `с ${dmy(v.window.start)}`,
    v.window?.end && `по ${dmy(v.window.end)}`,
  ]
    .filter(Boolean)
    .join(' ');
  switch (v.mode) {
    case 'feedback':
      return `<p class="note" role="status"><strong>${esc(FEEDBACK_NOTICE)}</strong></p>`;
    case 'before':
    case 'after':
      return `<p class="note" role="status">${esc(
        `Сроки сбора ответов об этой организации: ${span}. ${v.mode === 'before' ? 'Сбор ещё не начался' : 'Сбор уже завершён'}: ваш ответ будет сохранён и рассмотрен оператором отдельно.`,
      )}</p>`;
    default:
      return '';
  }
}

/** The element an error summary link jumps to: the first input of the question. */
const anchor = (q: Question): string =>
  q.kind === 'yesno' || q.kind === 'sex' || q.kind === 'respondent' ? `${q.id}-0` : q.id;

function errorId(q: Question, errors: ReadonlyMap<string, string>): string {
  return errors.has(q.id) ? ` aria-describedby="${q.id}-err"` : '';
}

function errorText(q: Question, errors: ReadonlyMap<string, string>): string {
  const m = errors.get(q.id);
  return m ? `<p class="err" id="${q.id}-err">${esc(m)}</p>` : '';
}

function radios(
  q: Question,
  options: readonly [string, string][],
  values: Readonly<Record<string, string>>,
  errors: ReadonlyMap<string, string>,
): string {
  const inputs = options
    .map(
      ([value, text], i) =>
        `<label><input type="radio" id="${q.id}-${i}" name="${q.id}" value="${value}"${values[q.id] === value ? ' checked' : ''}${errorId(q, errors)}>${esc(text)}</label>`,
    )
    .join('');
  const legend =
    q.kind === 'yesno' ? `${q.number}. ${q.text}` : `${q.number}. ${q.text} (необязательно)`;
  return `<fieldset><legend>${esc(legend)}</legend>${errorText(q, errors)}<div class="opts">${inputs}</div></fieldset>`;
}

function question(
  q: Question,
  values: Readonly<Record<string, string>>,
  errors: ReadonlyMap<string, string>,
): string {
  const bad = errors.has(q.id) ? ' class="bad"' : '';
  switch (q.kind) {
    case 'yesno': {
      const html = radios(
        q,
        [
          [YES, 'Да'],
          [NO, 'Нет'],
        ],
        values,
        errors,
      );
      if (!q.filter) return html;
      const filter = QUESTION_BY_ID.get(q.filter)!;
      return `<div class="dep" data-filter="${filter.id}"><p>Отвечайте, только если на вопрос ${filter.number} Вы ответили «Да».</p>${html}</div>`;
    }
    case 'text':
      return `<div class="field"><label for="${q.id}">${q.number}. ${esc(q.text)} (необязательно)</label>${errorText(q, errors)}<textarea id="${q.id}" name="${q.id}" maxlength="${TEXT_MAX_LENGTH}" aria-describedby="${q.id}-hint${errors.has(q.id) ? ` ${q.id}-err` : ''}"${bad}>${esc(values[q.id] ?? '')}</textarea><p class="hint" id="${q.id}-hint">До ${TEXT_MAX_LENGTH} символов. Не указывайте имена и контакты.</p></div>`;
    case 'age':
      return `<div class="field"><label for="${q.id}">${q.number}. ${esc(q.text)} (необязательно)</label>${errorText(q, errors)}<input type="number" id="${q.id}" name="${q.id}" inputmode="numeric" min="${AGE_MIN}" max="${AGE_MAX}" step="1" value="${esc(values[q.id] ?? '')}" aria-describedby="${q.id}-hint${errors.has(q.id) ? ` ${q.id}-err` : ''}"${bad}><p class="hint" id="${q.id}-hint">От ${AGE_MIN} до ${AGE_MAX} лет.</p></div>`;
    case 'sex':
      return radios(
        q,
        SEX_VALUES.map((v) => [v, SEX_LABELS[v]]),
        values,
        errors,
      );
    case 'respondent':
      return radios(
        q,
        RESPONDENT_VALUES.map((v) => [v, RESPONDENT_LABELS[v]]),
        values,
        errors,
      );
  }
}

function summary(issues: readonly FormIssue[]): string {
  if (issues.length === 0) return '';
  const items = issues
    .map((i) => {
      const q = i.question ? QUESTION_BY_ID.get(i.question) : undefined;
      return q
        ? `<li><a href="#${anchor(q)}">${esc(i.message)}</a></li>`
        : `<li>${esc(i.message)}</li>`;
    })
    .join('');
  return `<div class="summary" id="errors" role="alert" tabindex="-1"><h2>Анкета не отправлена: исправьте ${issues.length === 1 ? 'ошибку' : 'ошибки'}</h2><ul>${items}</ul></div>`;
}

export function surveyForm(v: FormView): string {
  const values = v.values ?? {};
  const issues = v.issues ?? [];
  const errors = new Map<string, string>();
  for (const i of issues)
    if (i.question && !errors.has(i.question)) errors.set(i.question, i.message);
  const before = v.answeredBefore
    ? '<p class="note">С этого устройства уже отправлен ответ об этой организации. Если отвечает другой человек, заполните анкету ещё раз: повторный ответ будет учтён после проверки.</p>'
    : '';
  const feedback = v.mode === 'feedback';
  const heading = feedback ? 'Отзыв получателя услуг' : 'Анкета получателя услуг';
  const body = `<p class="org">${esc(v.campaign)}</p><h1>${heading}: ${esc(v.organization)}</h1>${modeNotice(v)}${summary(issues)}${feedback ? '' : before}<p>${esc(SURVEY_PREAMBLE)}</p><p class="hint">Вопросы 1–14 обязательны, кроме тех, что отмечены «Отвечайте, только если…»; вопросы 15–18 — по желанию.</p><form id="survey" method="post" action="/s/${esc(v.code)}" novalidate><input type="hidden" name="_csrf" value="${esc(v.csrfToken)}"><input type="hidden" name="_key" value="${esc(v.formKey)}">${QUESTIONS.map((q) => question(q, values, errors)).join('')}<button type="submit">${feedback ? 'Отправить отзыв' : 'Отправить анкету'}</button></form>`;
  return page(`${feedback ? 'Отзыв' : 'Анкета'} — ${v.organization}`, body, v.nonce);
}

export function thanksPage(organization: string | null, feedback = false): string {
  const about = organization ? `<p class="org">Организация: ${esc(organization)}</p>` : '';
  if (feedback) {
    return page(
      'Спасибо за отзыв',
      `<h1>Спасибо! Ваш отзыв сохранён.</h1>${about}<p>${esc(FEEDBACK_NOTICE)} Страницу можно закрыть.</p>`,
    );
  }
  return page(
    'Спасибо за ответ',
    `<h1>Спасибо! Ваш ответ сохранён.</h1>${about}<p>Мнение получателей услуг учитывается при независимой оценке качества условий образовательной деятельности. Страницу можно закрыть.</p>`,
  );
}

export function messagePage(status: number, message: string): string {
  const title =
    status === 404
      ? 'Анкета не найдена'
      : status === 410
        ? 'Анкета закрыта'
        : status === 429
          ? 'Слишком много ответов'
          : 'Не удалось открыть анкету';
  return page(title, `<h1>${esc(title)}</h1><p>${esc(message)}</p>`);
}
