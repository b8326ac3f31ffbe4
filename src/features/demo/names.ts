// Plausible Russian names for the demo region: a fictional oblast, its municipalities, people.

export interface MunicipalitySeed {
  code: string;
  name: string;
  /** Genitive form for «Управление образования администрации …». */
  genitive: string;
  /** Main settlement, used in organization names and addresses. */
  town: string;
  /** Latin slug used in demo site addresses (reserved .example domain). */
  slug: string;
  /** Share of the region's organizations located here. */
  weight: number;
  timezone: string;
}

export const REGION = {
  code: 'PRI',
  name: 'Приозёрская область',
  genitive: 'Приозёрской области',
  timezone: 'Europe/Moscow',
};

export const MUNICIPALITIES: MunicipalitySeed[] = [
  {
    code: 'PRI-01',
    name: 'Городской округ Приозёрск',
    genitive: 'городского округа Приозёрск',
    town: 'г. Приозёрск',
    slug: 'priozersk',
    weight: 0.26,
    timezone: 'Europe/Moscow',
  },
  {
    code: 'PRI-02',
    name: 'Городской округ Каменск',
    genitive: 'городского округа Каменск',
    town: 'г. Каменск',
    slug: 'kamensk',
    weight: 0.17,
    timezone: 'Europe/Moscow',
  },
  {
    code: 'PRI-03',
    name: 'Заречный муниципальный округ',
    genitive: 'Заречного муниципального округа',
    town: 'г. Заречный',
    slug: 'zarechny',
    weight: 0.12,
    timezone: 'Europe/Moscow',
  },
  {
    code: 'PRI-04',
    name: 'Берёзовский муниципальный район',
    genitive: 'Берёзовского муниципального района',
    town: 'пгт Берёзовка',
    slug: 'berezovka',
    weight: 0.1,
    timezone: 'Europe/Moscow',
  },
  {
    code: 'PRI-05',
    name: 'Лесновский муниципальный район',
    genitive: 'Лесновского муниципального района',
    town: 'с. Лесное',
    slug: 'lesnoe',
    weight: 0.09,
    timezone: 'Europe/Moscow',
  },
  {
    code: 'PRI-06',
    name: 'Сосновоборский муниципальный округ',
    genitive: 'Сосновоборского муниципального округа',
    town: 'г. Сосновый Бор',
    slug: 'sosnovybor',
    weight: 0.1,
    timezone: 'Europe/Moscow',
  },
  {
    code: 'PRI-07',
    name: 'Красноярский муниципальный район',
    genitive: 'Красноярского муниципального района',
    town: 'с. Красный Яр',
    slug: 'krasnyyar',
    weight: 0.08,
    timezone: 'Europe/Moscow',
  },
  {
    code: 'PRI-08',
    name: 'Озёрский муниципальный район',
    genitive: 'Озёрского муниципального района',
    town: 'пгт Озёрный',
    slug: 'ozerny',
    weight: 0.08,
    timezone: 'Europe/Moscow',
  },
];

export const VILLAGES = [
  'Ивановка',
  'Петровское',
  'Никольское',
  'Покровка',
  'Малиновка',
  'Дубровка',
  'Сосновка',
  'Васильевка',
  'Знаменка',
  'Александровка',
  'Михайловка',
  'Троицкое',
  'Воскресенское',
  'Луговое',
];

export const STREETS = [
  'ул. Ленина',
  'ул. Советская',
  'ул. Школьная',
  'ул. Мира',
  'ул. Молодёжная',
  'ул. Садовая',
  'ул. Гагарина',
  'ул. Пушкина',
  'ул. Озёрная',
  'ул. Лесная',
  'пр. Победы',
  'ул. Центральная',
  'ул. Строителей',
  'ул. Комсомольская',
  'ул. Набережная',
  'ул. Заречная',
];

export const KINDERGARTEN_NAMES = [
  'Солнышко',
  'Ромашка',
  'Берёзка',
  'Колокольчик',
  'Сказка',
  'Радуга',
  'Теремок',
  'Золотой ключик',
  'Алёнушка',
  'Светлячок',
  'Ручеёк',
  'Журавушка',
  'Улыбка',
  'Капелька',
  'Родничок',
  'Рябинка',
];

const MALE_SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
];
const MALE_NAMES = [
  'Александр',
  'Сергей',
  'Андрей',
  'Алексей',
  'Дмитрий',
  'Михаил',
  'Игорь',
  'Владимир',
  'Николай',
  'Евгений',
  'Юрий',
  'Олег',
];
const FEMALE_NAMES = [
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Светлана',
  'Марина',
  'Анна',
  'Галина',
  'Людмила',
  'Надежда',
  'Юлия',
  'Екатерина',
  'Оксана',
];
const PATRONYMIC_ROOTS = [
  'Александров',
  'Сергеев',
  'Иванов',
  'Петров',
  'Николаев',
  'Владимиров',
  'Викторов',
  'Михайлов',
  'Андреев',
  'Юрьев',
  'Васильев',
  'Геннадьев',
];

export interface PersonName {
  full: string;
  female: boolean;
}

/** A Russian full name (фамилия имя отчество) with consistent gender. */
export function personName(rnd: () => number, femaleShare = 0.8): PersonName {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const female = rnd() < femaleShare;
  const surname = pick(MALE_SURNAMES);
  const root = pick(PATRONYMIC_ROOTS);
  if (female) {
    const fem = surname.endsWith('ий') ? `${surname.slice(0, -2)}ая` : `${surname}а`;
    return { full: `${fem} ${pick(FEMALE_NAMES)} ${root}на`, female };
  }
  return { full: `${surname} ${pick(MALE_NAMES)} ${root}ич`, female };
}
