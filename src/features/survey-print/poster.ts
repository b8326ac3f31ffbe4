// The A4 poster inviting service recipients to the survey of one organization (issue 4 item 4):
// the organization's name, a big QR code, the link as text (for those without a camera), a short
// call to action, the campaign year and collection dates, and the operator's word that the survey
// is anonymous (questionnaire.md preamble: no names, no contacts).
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { ruDate, type PrintCampaign, type PrintOrganization } from './print.schema.ts';

export const POSTER_CALL =
  'Оцените качество условий осуществления образовательной деятельности в нашей организации!';

export const POSTER_ANONYMITY =
  'Организация-оператор независимой оценки сообщает: опрос анонимный, фамилию, имя, отчество ' +
  'и контактные данные указывать не нужно. Ответы используются только в обобщённом виде; ' +
  'конфиденциальность Вашего мнения гарантируется.';

export function collectionDates(c: PrintCampaign): string | null {
  if (c.collectionStart && c.collectionEnd) {
    return `Опрос проводится с ${ruDate(c.collectionStart)} по ${ruDate(c.collectionEnd)}`;
  }
  return c.collectionEnd ? `Опрос проводится до ${ruDate(c.collectionEnd)}` : null;
}

/** The poster's document definition; `qr` is the SVG of the survey link. */
export function posterDocument(
  campaign: PrintCampaign,
  org: PrintOrganization,
  qr: string,
): TDocumentDefinitions {
  const dates = collectionDates(campaign);
  const content: Content[] = [
    {
      text: `Независимая оценка качества условий осуществления образовательной деятельности — ${campaign.year}`,
      style: 'kicker',
    },
    { text: org.shortName, style: 'org' },
    ...(org.fullName !== org.shortName ? [{ text: org.fullName, style: 'orgFull' }] : []),
    { text: POSTER_CALL, style: 'call' },
    {
      text: 'Ответьте на вопросы анкеты — это займёт около 5 минут. Ваше мнение учитывается при оценке организации.',
      style: 'lead',
    },
    { svg: qr, width: 330, alignment: 'center', margin: [0, 4, 0, 4] },
    { text: 'Наведите камеру телефона на QR-код или откройте ссылку:', style: 'hint' },
    { text: org.surveyUrl, style: 'url' },
    { text: `Код анкеты: ${org.code}`, style: 'code' },
    ...(dates ? [{ text: `${dates}.`, style: 'dates' }] : []),
    { text: POSTER_ANONYMITY, style: 'note' },
  ];
  return {
    info: { title: `Приглашение к опросу — ${org.shortName}`, subject: campaign.title },
    pageMargins: [48, 40, 48, 40],
    content,
    styles: {
      kicker: { fontSize: 11, color: '#333333', alignment: 'center', margin: [0, 0, 0, 14] },
      org: { fontSize: 26, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      orgFull: { fontSize: 11, alignment: 'center', color: '#333333', margin: [0, 0, 0, 4] },
      call: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 14, 0, 6] },
      lead: { fontSize: 12, alignment: 'center', margin: [0, 0, 0, 4] },
      hint: { fontSize: 11, alignment: 'center', margin: [0, 0, 0, 4] },
      url: { fontSize: 17, bold: true, alignment: 'center' },
      code: { fontSize: 12, alignment: 'center', margin: [0, 4, 0, 10] },
      dates: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      note: { fontSize: 10, alignment: 'center', color: '#333333' },
    },
  };
}
