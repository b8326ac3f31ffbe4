// The printable paper questionnaire of one organization (issue 4 item 4; questionnaire.md): the
// preamble, questions 1–14 with «Да»/«Нет» boxes and the skip instructions of the method, free text
// lines for question 15 and the demographic questions 16–18, on two A4 pages. The survey code and
// the operator's packet/number fields tie a returned sheet to its organization and to paper entry
// (/campaigns/ID/paper: packet number and position in the packet).
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  AGE_MAX,
  AGE_MIN,
  DEPENDENT_OF,
  QUESTIONS,
  RESPONDENT_LABELS,
  RESPONDENT_VALUES,
  SEX_LABELS,
  SEX_VALUES,
  SURVEY_PREAMBLE,
  type Question,
} from '../../domain/survey/questionnaire.ts';
import type { PrintCampaign, PrintOrganization } from './print.schema.ts';

/** An empty box to tick (U+2610, present in DejaVu Sans). */
export const BOX = '☐';

const QUESTION_NUMBER = new Map(QUESTIONS.map((q) => [q.id, q.number]));

/** «Если «Нет» — перейдите к вопросу N»: N follows the dependent question the filter guards. */
export function skipInstruction(q: Question): string | null {
  const dependent = DEPENDENT_OF.get(q.id);
  if (!dependent) return null;
  return `Если «Нет» — перейдите к вопросу ${QUESTION_NUMBER.get(dependent)! + 1}`;
}

const options = (labels: readonly string[]) => labels.map((l) => `${BOX} ${l}`).join('    ');

function yesNoRow(q: Question): TableCell[] {
  const skip = skipInstruction(q);
  const text: Content[] = [{ text: q.text }];
  if (q.filter) {
    text.unshift({
      text: `Отвечайте, только если на вопрос ${QUESTION_NUMBER.get(q.filter)} Вы ответили «Да».`,
      italics: true,
      fontSize: 7.5,
    });
  }
  if (skip) text.push({ text: skip, bold: true, fontSize: 8 });
  return [
    { text: `${q.number}.`, bold: true },
    { stack: text },
    { text: `${BOX} Да\n${BOX} Нет`, fontSize: 10.5, lineHeight: 1.25 },
  ];
}

function otherQuestion(q: Question): Content {
  const title = { text: `${q.number}. ${q.text} (по желанию)`, bold: true, margin: [0, 5, 0, 2] };
  switch (q.kind) {
    case 'text':
      return {
        stack: [
          title,
          ...[0, 1, 2, 3, 4, 5].map(() => ({
            canvas: [{ type: 'line', x1: 0, y1: 18, x2: 499, y2: 18, lineWidth: 0.5 }],
          })),
          {
            text: 'Не указывайте имена и контакты.',
            fontSize: 7.5,
            italics: true,
            margin: [0, 2, 0, 0],
          },
        ],
      } as Content;
    case 'sex':
      return { stack: [title, { text: options(SEX_VALUES.map((v) => SEX_LABELS[v])) }] } as Content;
    case 'age':
      return {
        stack: [title, { text: `________ полных лет (от ${AGE_MIN} до ${AGE_MAX})` }],
      } as Content;
    default:
      return {
        stack: [title, { text: options(RESPONDENT_VALUES.map((v) => RESPONDENT_LABELS[v])) }],
      } as Content;
  }
}

export function questionnaireDocument(
  campaign: PrintCampaign,
  org: PrintOrganization,
): TDocumentDefinitions {
  const yesno = QUESTIONS.filter((q) => q.kind === 'yesno');
  const rest = QUESTIONS.filter((q) => q.kind !== 'yesno');
  return {
    info: { title: `Анкета получателя услуг — ${org.shortName}`, subject: campaign.title },
    pageMargins: [48, 34, 48, 36],
    defaultStyle: { fontSize: 9, lineHeight: 1.1 },
    footer: (page: number, pages: number) => ({
      text: `Код анкеты ${org.code} · страница ${page} из ${pages}`,
      alignment: 'center',
      fontSize: 7.5,
      margin: [0, 10, 0, 0],
    }),
    content: [
      {
        columns: [
          {
            width: '*',
            stack: [
              {
                text: 'Анкета для опроса получателей образовательных услуг',
                bold: true,
                fontSize: 12,
              },
              { text: org.fullName, fontSize: 9.5, margin: [0, 2, 0, 0] },
              { text: `${campaign.title} · ${campaign.year}`, fontSize: 8, color: '#333333' },
            ],
          },
          {
            width: 150,
            table: {
              widths: ['*'],
              body: [
                [{ text: `Код анкеты: ${org.code}`, bold: true, fontSize: 10 }],
                [{ text: 'Заполняет оператор:\nпачка № ________\nанкета № ________', fontSize: 8 }],
              ],
            },
          },
        ],
        columnGap: 12,
        margin: [0, 0, 0, 6],
      },
      { text: SURVEY_PREAMBLE, margin: [0, 0, 0, 4] },
      {
        text: `Отметьте ответ знаком «V» или «X» в квадрате ${BOX}. Вопросы 15–18 — по желанию.`,
        bold: true,
        margin: [0, 0, 0, 4],
      },
      {
        table: {
          widths: [16, '*', 46],
          dontBreakRows: true,
          body: yesno.map(yesNoRow),
        },
        layout: {
          hLineWidth: () => 0.4,
          vLineWidth: () => 0,
          hLineColor: () => '#999999',
          paddingTop: () => 2.5,
          paddingBottom: () => 2.5,
        },
      },
      ...rest.map(otherQuestion),
      {
        text: 'Спасибо за участие в опросе!',
        bold: true,
        alignment: 'center',
        margin: [0, 8, 0, 0],
      },
    ],
  };
}
