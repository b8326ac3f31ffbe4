// Standard recommendations for the expert checklists (spec checklists.md): information stands
// (1.1, stand half), remote channels (1.2), comfort (2.1), premises (3.1) and service (3.2)
// accessibility. Codes are the item keys of the checklist catalogues (src/domain/checklists), so a
// checklist's missing item finds its text here; which items apply to whom is decided there.
//
// No statute lists the stand items: the default list follows operators' practice (273-ФЗ art. 29,
// information visitors need on the premises); its legal bases cite the act that requires the
// information itself. Condition lists follow Mintrud order 344н (indicators 1.2, 2.1, 3.1, 3.2).
import { LAW_181, LAW_59, ORDER_1309, ORDER_344, SANPIN, art273 } from './legal.ts';
import type { RecommendationItem } from './types.ts';

const stand = (code: string, title: string, legalBasis: string): RecommendationItem => ({
  code,
  title,
  recommendation: `Разместить на информационном стенде: ${title.charAt(0).toLowerCase()}${title.slice(1)}.`,
  legalBasis,
});

/** Stand items (catalogue `stand-default-1`), in the order of checklists.md. */
export const STAND_ITEMS: readonly RecommendationItem[] = [
  stand('name', 'Полное и сокращённое наименование организации, дата создания', art273('29')),
  stand(
    'founders',
    'Сведения об учредителе: наименование, адрес, телефон, электронная почта, сайт',
    art273('29'),
  ),
  stand(
    'location_schedule',
    'Место нахождения, режим и график работы, контактные телефоны, электронная почта',
    art273('29'),
  ),
  stand(
    'structure',
    'Структура и органы управления организацией',
    `${art273('26')}; ${art273('29')}`,
  ),
  stand('programmes', 'Уровни образования и реализуемые образовательные программы', art273('29')),
  stand(
    'management',
    'Руководитель и его заместители: фамилия, имя, отчество, должность, телефон, электронная почта',
    art273('29'),
  ),
  stand(
    'licence_accreditation',
    'Лицензия на осуществление образовательной деятельности; государственная аккредитация (кроме дошкольных организаций и организаций дополнительного образования)',
    `${art273('91')}; ${art273('92')}`,
  ),
  stand('admission_rules', 'Правила приёма обучающихся', art273('55')),
  stand(
    'internal_rules',
    'Правила внутреннего распорядка обучающихся и режим занятий',
    art273('30'),
  ),
  stand(
    'paid_services',
    'Порядок оказания платных образовательных услуг и их стоимость',
    `${art273('54')}; постановление Правительства РФ от 15.09.2020 № 1441`,
  ),
  stand(
    'facilities',
    'Материально-техническое обеспечение, в том числе условия для инвалидов и лиц с ОВЗ (доступная среда)',
    art273('29'),
  ),
  stand('catering', 'Организация питания обучающихся (меню на день)', art273('37')),
  stand('vacancies', 'Вакантные места для приёма (перевода) обучающихся', art273('29')),
  stand(
    'independent_assessment',
    'Независимая оценка качества: результаты последней оценки, план по устранению недостатков, ссылка или QR-код на анкету',
    art273('95.2'),
  ),
  stand(
    'complaints_contacts',
    'Контакты органа управления образованием и надзорных органов для обращений и жалоб',
    LAW_59,
  ),
];

const CHANNEL_BASIS = `показатель 1.2, ${ORDER_344}; ${art273('29')}`;

/** 1.2: the six remote channels (codes as in src/domain/site-requirements/channels.ts). */
export const CHANNEL_ITEMS: readonly RecommendationItem[] = [
  {
    code: 'telephone',
    title: 'Телефон',
    recommendation:
      'Указать на официальном сайте номер телефона для обращений и обеспечить ответы на звонки в рабочее время.',
    legalBasis: CHANNEL_BASIS,
  },
  {
    code: 'email',
    title: 'Электронная почта',
    recommendation:
      'Указать на официальном сайте адрес электронной почты и обеспечить своевременные ответы на письма.',
    legalBasis: CHANNEL_BASIS,
  },
  {
    code: 'e_service',
    title: 'Электронный сервис (форма обращения, жалобы, предложения, получения консультации)',
    recommendation:
      'Разместить на официальном сайте электронную форму для подачи обращения (жалобы, предложения) и получения консультации по оказываемым услугам.',
    legalBasis: `${CHANNEL_BASIS}; ${LAW_59}`,
  },
  {
    code: 'faq',
    title: 'Раздел «Часто задаваемые вопросы»',
    recommendation:
      'Создать на официальном сайте раздел «Часто задаваемые вопросы» и поддерживать его в актуальном состоянии.',
    legalBasis: CHANNEL_BASIS,
  },
  {
    code: 'quality_opinion',
    title: 'Возможность высказать мнение о качестве условий (анкета на сайте или ссылка на неё)',
    recommendation:
      'Разместить на официальном сайте анкету для оценки качества условий оказания услуг или гиперссылку на неё.',
    legalBasis: `${CHANNEL_BASIS}; ${art273('95.2')}`,
  },
  {
    code: 'other',
    title: 'Иной дистанционный способ взаимодействия',
    recommendation:
      'Обеспечить иной дистанционный способ взаимодействия (официальная страница в социальной сети, мессенджер, онлайн-чат) и указать его на сайте.',
    legalBasis: CHANNEL_BASIS,
  },
];

const COMFORT_BASIS = `показатель 2.1, ${ORDER_344}`;

/** 2.1: comfort conditions. */
export const COMFORT_ITEMS: readonly RecommendationItem[] = [
  {
    code: 'rest_area',
    title: 'Комфортная зона отдыха (ожидания), оборудованная мебелью',
    recommendation:
      'Оборудовать зону отдыха (ожидания) для посетителей мебелью (стулья, диваны, столы).',
    legalBasis: COMFORT_BASIS,
  },
  {
    code: 'navigation',
    title: 'Наличие и понятность навигации внутри организации',
    recommendation:
      'Обеспечить понятную навигацию внутри здания: указатели, таблички на кабинетах, схему размещения помещений.',
    legalBasis: COMFORT_BASIS,
  },
  {
    code: 'drinking_water',
    title: 'Наличие и доступность питьевой воды',
    recommendation:
      'Обеспечить доступность питьевой воды для посетителей и обучающихся (кулер, питьевой фонтанчик).',
    legalBasis: `${COMFORT_BASIS}; ${SANPIN}`,
  },
  {
    code: 'toilets',
    title: 'Наличие и доступность санитарно-гигиенических помещений',
    recommendation:
      'Обеспечить доступность санитарно-гигиенических помещений (туалет, умывальник) для посетителей.',
    legalBasis: `${COMFORT_BASIS}; ${SANPIN}`,
  },
  {
    code: 'sanitary',
    title: 'Санитарное состояние помещений',
    recommendation:
      'Привести санитарное состояние помещений в соответствие с санитарными правилами.',
    legalBasis: `${COMFORT_BASIS}; ${SANPIN}`,
  },
];

const ACCESS_BASIS = `${LAW_181}; ${ORDER_1309}`;

/** 3.1: premises and territory equipped for disabled people. */
export const PREMISES_ITEMS: readonly RecommendationItem[] = [
  {
    code: 'ramps',
    title: 'Входные группы оборудованы пандусами (подъёмными платформами)',
    recommendation: 'Оборудовать входные группы пандусами (подъёмными платформами).',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'parking',
    title: 'Выделенные стоянки для автотранспортных средств инвалидов',
    recommendation:
      'Выделить и обозначить места на стоянке для автотранспортных средств инвалидов.',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'adapted_lifts',
    title: 'Адаптированные лифты, поручни, расширенные дверные проёмы',
    recommendation: 'Установить адаптированные лифты и поручни, расширить дверные проёмы.',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'wheelchairs',
    title: 'Сменные кресла-коляски',
    recommendation: 'Приобрести сменные кресла-коляски.',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'accessible_toilets',
    title: 'Специально оборудованные санитарно-гигиенические помещения',
    recommendation: 'Оборудовать санитарно-гигиенические помещения для инвалидов.',
    legalBasis: ACCESS_BASIS,
  },
];

/** 3.2: conditions letting disabled people receive services on an equal basis. */
export const SERVICE_ITEMS: readonly RecommendationItem[] = [
  {
    code: 'duplicated_info',
    title: 'Дублирование звуковой и зрительной информации для инвалидов по слуху и зрению',
    recommendation:
      'Обеспечить дублирование для инвалидов по слуху и зрению звуковой и зрительной информации.',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'braille',
    title: 'Дублирование надписей и знаков шрифтом Брайля',
    recommendation:
      'Обеспечить дублирование надписей, знаков и иной текстовой и графической информации знаками, выполненными рельефно-точечным шрифтом Брайля.',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'sign_interpreter',
    title: 'Услуги сурдопереводчика (тифлосурдопереводчика)',
    recommendation:
      'Обеспечить возможность предоставления инвалидам по слуху (слуху и зрению) услуг сурдопереводчика (тифлосурдопереводчика).',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'visually_impaired_site',
    title: 'Альтернативная версия официального сайта для инвалидов по зрению',
    recommendation: 'Обеспечить альтернативную версию официального сайта для инвалидов по зрению.',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'escort_staff',
    title: 'Помощь работников, прошедших обучение по сопровождению инвалидов',
    recommendation:
      'Обучить (проинструктировать) работников сопровождению инвалидов в помещениях организации и на прилегающей территории.',
    legalBasis: ACCESS_BASIS,
  },
  {
    code: 'remote_education',
    title: 'Возможность получения образовательных услуг дистанционно или на дому',
    recommendation:
      'Обеспечить возможность предоставления образовательных услуг в дистанционном режиме или на дому.',
    legalBasis: `${ACCESS_BASIS}; ${art273('79')}`,
  },
];
