// The reminder letters in Russian (pure): one to each lagging organization with its numbers, its
// survey link and where to download its poster and QR code; one digest to each founder listing
// its lagging organizations (a department with thirty schools gets one letter, not thirty).
import { printUrls, ruDate } from '../survey-print/print.schema.ts';

export interface LetterCampaign {
  id: number;
  title: string;
  start: string | null;
  end: string | null;
  /** Elapsed share of the collection window (0…1) or null. */
  elapsed: number | null;
}

export interface LetterOrganization {
  organizationId: number;
  name: string;
  fullName: string;
  counted: number;
  required: number;
  surveyUrl: string;
}

export interface Letter {
  subject: string;
  text: string;
}

const pct = (share: number) => `${Math.floor(share * 100)} %`;

function windowLine(c: LetterCampaign): string {
  const dates =
    c.start && c.end ? `с ${ruDate(c.start)} по ${ruDate(c.end)}` : 'в сроки, установленные планом';
  const gone = c.elapsed === null ? '' : ` Прошло ${pct(c.elapsed)} срока сбора ответов.`;
  return `Анкетирование получателей образовательных услуг проводится ${dates}.${gone}`;
}

export function organizationLetter(
  publicUrl: string,
  c: LetterCampaign,
  o: LetterOrganization,
  intervalDays: number,
): Letter {
  const share = o.required > 0 ? Math.min(1, o.counted / o.required) : 1;
  const file = (f: 'poster.pdf' | 'qr.png') =>
    `${publicUrl}${printUrls.organizationFile(c.id, o.organizationId, f)}`;
  return {
    subject: `Анкетирование: учтено ${o.counted} из ${o.required} анкет — ${o.name}`,
    text: [
      'Здравствуйте!',
      '',
      `Идёт независимая оценка качества условий осуществления образовательной деятельности («${c.title}»).`,
      windowLine(c),
      '',
      `Организация: ${o.fullName}`,
      `Учтено анкет: ${o.counted} из ${o.required} необходимых (${pct(share)}).`,
      '',
      'Пожалуйста, пригласите родителей (законных представителей) и обучающихся ответить на вопросы анкеты по ссылке:',
      o.surveyUrl,
      '',
      'Плакат A4 с QR-кодом для печати (после входа в систему):',
      file('poster.pdf'),
      'QR-код для сайта и рассылок (PNG):',
      file('qr.png'),
      '',
      'Опрос анонимный: фамилию, имя, отчество и контактные данные указывать не нужно.',
      '',
      `Письмо отправлено автоматически организацией-оператором; следующее напоминание — не раньше чем через ${intervalDays} дн.`,
    ].join('\n'),
  };
}

export function founderLetter(
  publicUrl: string,
  c: LetterCampaign,
  founderName: string,
  orgs: readonly LetterOrganization[],
): Letter {
  const lines = orgs.map(
    (o) => `• ${o.name}: учтено ${o.counted} из ${o.required}; анкета: ${o.surveyUrl}`,
  );
  return {
    subject: `Анкетирование: отстающих подведомственных организаций — ${orgs.length} (${c.title})`,
    text: [
      'Здравствуйте!',
      '',
      `Независимая оценка качества условий осуществления образовательной деятельности («${c.title}»).`,
      windowLine(c),
      '',
      `Учредитель: ${founderName}. Организации, отстающие от необходимого числа анкет:`,
      ...lines,
      '',
      'Каждой из них направлено напоминание со ссылкой на анкету и плакатом с QR-кодом.',
      `Ход опроса: ${publicUrl}/campaigns/${c.id}/survey`,
      '',
      'Письмо отправлено автоматически организацией-оператором.',
    ].join('\n'),
  };
}
