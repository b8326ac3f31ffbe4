// Condition lists counted by experts: comfort (2.1), premises and territory accessibility (3.1),
// service accessibility (3.2). Wording after Mintrud order No. 344н (as listed in methodology.md).
import type { SectionCatalogue } from './catalogue.ts';

const BASIS_344 = 'Приказ Минтруда России № 344н';

export const COMFORT_DEFAULT_1 = Object.freeze<SectionCatalogue>({
  section: 'comfort',
  version: 'comfort-default-1',
  title: 'Комфортность условий',
  indicator: '2.1',
  basis: `${BASIS_344} (показатель 2.1)`,
  items: [
    { key: 'rest_area', number: 1, title: 'Зона отдыха (ожидания), оборудованная мебелью' },
    { key: 'navigation', number: 2, title: 'Понятная навигация внутри организации' },
    { key: 'drinking_water', number: 3, title: 'Доступность питьевой воды' },
    {
      key: 'toilets',
      number: 4,
      title: 'Наличие и доступность санитарно-гигиенических помещений',
    },
    { key: 'sanitary', number: 5, title: 'Санитарное состояние помещений организации' },
  ],
});

export const PREMISES_DEFAULT_1 = Object.freeze<SectionCatalogue>({
  section: 'premises',
  version: 'premises-default-1',
  title: 'Доступность помещений и территории',
  indicator: '3.1',
  basis: `${BASIS_344} (показатель 3.1)`,
  items: [
    {
      key: 'ramps',
      number: 1,
      title: 'Входные группы оборудованы пандусами (подъёмными платформами)',
    },
    {
      key: 'parking',
      number: 2,
      title: 'Выделенные стоянки для автотранспортных средств инвалидов',
    },
    {
      key: 'adapted_lifts',
      number: 3,
      title: 'Адаптированные лифты, поручни, расширенные дверные проёмы',
    },
    { key: 'wheelchairs', number: 4, title: 'Сменные кресла-коляски' },
    {
      key: 'accessible_toilets',
      number: 5,
      title: 'Специально оборудованные санитарно-гигиенические помещения',
    },
  ],
});

export const SERVICES_DEFAULT_1 = Object.freeze<SectionCatalogue>({
  section: 'services',
  version: 'services-default-1',
  title: 'Доступность услуг для инвалидов',
  indicator: '3.2',
  basis: `${BASIS_344} (показатель 3.2)`,
  items: [
    {
      key: 'duplicated_info',
      number: 1,
      title: 'Дублирование для инвалидов по слуху и зрению звуковой и зрительной информации',
    },
    {
      key: 'braille',
      number: 2,
      title:
        'Дублирование надписей, знаков и иной текстовой и графической информации знаками, выполненными рельефно-точечным шрифтом Брайля',
    },
    {
      key: 'sign_interpreter',
      number: 3,
      title: 'Возможность предоставления услуг сурдопереводчика (тифлосурдопереводчика)',
    },
    {
      key: 'visually_impaired_site',
      number: 4,
      title: 'Альтернативная версия официального сайта для инвалидов по зрению',
    },
    {
      key: 'escort_staff',
      number: 5,
      title:
        'Помощь работников организации, прошедших инструктирование, по сопровождению инвалидов',
    },
    {
      key: 'remote_education',
      number: 6,
      title: 'Возможность получения образовательных услуг в дистанционном режиме или на дому',
    },
  ],
});
