// Information stands (indicator 1.1, stand half): default catalogue of checklists.md. No statute
// lists stand items; this default follows what operators check in practice — the information of
// art. 29 of 273-ФЗ that visitors need on the premises.
import type { SectionCatalogue } from './catalogue.ts';

const NO_ACCREDITATION =
  'Лицензия на осуществление образовательной деятельности (реквизиты или копия)';

export const STAND_DEFAULT_1 = Object.freeze<SectionCatalogue>({
  section: 'stand',
  version: 'stand-default-1',
  title: 'Информационные стенды',
  indicator: '1.1',
  basis:
    'Ст. 29 Федерального закона № 273-ФЗ; перечень по умолчанию (checklists.md), уточняется техническим заданием региона',
  items: [
    {
      key: 'name',
      number: 1,
      title: 'Полное и сокращённое наименование организации, дата создания',
    },
    {
      key: 'founders',
      number: 2,
      title: 'Учредитель (учредители): наименование, адрес, телефон, адрес электронной почты, сайт',
    },
    {
      key: 'location_schedule',
      number: 3,
      title:
        'Место нахождения, режим и график работы, контактные телефоны, адреса электронной почты',
    },
    { key: 'structure', number: 4, title: 'Структура и органы управления' },
    {
      key: 'programmes',
      number: 5,
      title: 'Уровни образования и реализуемые образовательные программы',
      titleByKind: { preschool: 'Реализуемая образовательная программа дошкольного образования' },
    },
    {
      key: 'management',
      number: 6,
      title:
        'Руководитель и его заместители: фамилия, имя, отчество, должность, телефон, адрес электронной почты',
    },
    {
      key: 'licence_accreditation',
      number: 7,
      title: `${NO_ACCREDITATION}; свидетельство о государственной аккредитации`,
      // checklists.md item 7: "state accreditation (except preschool and additional education)".
      titleByKind: { preschool: NO_ACCREDITATION, additional: NO_ACCREDITATION },
    },
    { key: 'admission_rules', number: 8, title: 'Порядок (правила) приёма обучающихся' },
    {
      key: 'internal_rules',
      number: 9,
      title: 'Правила внутреннего распорядка обучающихся и расписание занятий',
    },
    {
      key: 'paid_services',
      number: 10,
      title: 'Платные образовательные услуги: порядок оказания и стоимость',
      hint: 'Только если организация оказывает платные образовательные услуги',
      facts: [
        {
          fact: 'hasPaidServices',
          reason: 'Организация не оказывает платных образовательных услуг (по данным реестра)',
        },
      ],
    },
    {
      key: 'facilities',
      number: 11,
      title:
        'Материально-техническое обеспечение, в том числе условия для инвалидов и лиц с ОВЗ (доступная среда)',
    },
    {
      key: 'catering',
      number: 12,
      title: 'Организация питания обучающихся, ежедневное меню',
      hint: 'Для школ с начальными классами: меню горячего питания на день',
      kinds: ['school'],
      kindsReason: 'Пункт о питании проверяется только в общеобразовательных организациях',
      facts: [
        {
          fact: 'providesCatering',
          reason: 'Организация не организует питание обучающихся (по данным реестра)',
        },
      ],
    },
    {
      key: 'vacancies',
      number: 13,
      title: 'Количество вакантных мест для приёма (перевода) обучающихся',
      hint: 'Для дошкольной организации, где учёт вакантных мест не ведётся, — «не применимо» с причиной',
      facts: [
        {
          fact: 'keepsVacantPlaces',
          kinds: ['preschool'],
          reason: 'В дошкольной организации учёт вакантных мест не ведётся (по данным реестра)',
        },
      ],
    },
    {
      key: 'independent_assessment',
      number: 14,
      title:
        'Независимая оценка качества: результаты последней оценки, план по устранению недостатков, ссылка или QR-код на анкету',
    },
    {
      key: 'complaints_contacts',
      number: 15,
      title: 'Контакты органа-учредителя и надзорных органов для обращений и жалоб',
    },
  ],
});
