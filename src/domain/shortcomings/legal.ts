// Names of the acts cited by the recommendations, written out once so every text cites them alike.
export const LAW_181 =
  'ст. 15 Федерального закона от 24.11.1995 № 181-ФЗ «О социальной защите инвалидов в Российской Федерации»';
export const LAW_59 =
  'Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»';
export const ORDER_1309 =
  'приказ Минобрнауки России от 09.11.2015 № 1309 (порядок обеспечения условий доступности для инвалидов объектов и услуг в сфере образования)';
export const ORDER_344 =
  'приказ Минтруда России от 31.05.2018 № 344н (единый порядок расчёта показателей независимой оценки качества)';
export const ORDER_1493 = 'приказ Рособрнадзора от 04.08.2023 № 1493';
export const GOV_1802 = 'постановление Правительства РФ от 20.10.2021 № 1802';
export const SANPIN =
  'СП 2.4.3648-20 «Санитарно-эпидемиологические требования к организациям воспитания и обучения, отдыха и оздоровления детей и молодежи»';

const LAW_273_GENITIVE =
  'Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»';

/** «ст. 29 Федерального закона от 29.12.2012 № 273-ФЗ …» */
export const art273 = (article: string): string => `ст. ${article} ${LAW_273_GENITIVE}`;

/**
 * The site catalogue's short references («1493 p.9д; 273-ФЗ art.30», «PP 1802 p.12а») in Russian:
 * «приказ Рособрнадзора от 04.08.2023 № 1493, п. 9д; ст. 30 Федерального закона …». Parts the
 * pattern does not know (clarifications, MR) are left out; with nothing known, Order 1493 itself.
 */
export function siteLegalBasis(reference: string | null): string {
  const parts: string[] = [];
  const order = /\b1493 (pp?)\.\s?([0-9][0-9.,\-–а-яё\s]*[0-9а-яё])/iu.exec(reference ?? '');
  parts.push(
    order ? `${ORDER_1493}, ${order[1] === 'pp' ? 'пп.' : 'п.'} ${order[2]!.trim()}` : ORDER_1493,
  );
  const gov = /PP 1802 (pp?)\.\s?([0-9][0-9.,\-–а-яё]*)/iu.exec(reference ?? '');
  if (gov) parts.push(`${GOV_1802}, ${gov[1] === 'pp' ? 'пп.' : 'п.'} ${gov[2]}`);
  const law = /273-ФЗ art\.\s?(\d+)/u.exec(reference ?? '');
  if (law) parts.push(art273(law[1]!));
  const paid = /PP 15\.09\.2020 No\.1441/.exec(reference ?? '');
  if (paid) parts.push('постановление Правительства РФ от 15.09.2020 № 1441');
  return parts.join('; ');
}
