// The questionnaire for service recipients (spec/questionnaire.md: the model questionnaire of the
// Mintrud order of 30.10.2018 No. 675н, education variant). Wording is shown to respondents as is;
// every channel (online form, JSON API, paper entry, import) uses this one definition.

export const SURVEY_PREAMBLE =
  'Уважаемый участник опроса! Опрос проводится в целях выявления мнения граждан о качестве ' +
  'условий оказания услуг образовательной организацией. Пожалуйста, ответьте на вопросы анкеты. ' +
  'Опрос проводится анонимно: фамилию, имя, отчество и контактные данные указывать не нужно. ' +
  'Конфиденциальность высказанного Вами мнения гарантируется.';

/** Free text (q15) is limited to 2 000 characters (questionnaire.md). */
export const TEXT_MAX_LENGTH = 2000;
export const AGE_MIN = 14;
export const AGE_MAX = 100;

export const SEX_VALUES = ['male', 'female'] as const;
export type Sex = (typeof SEX_VALUES)[number];
export const SEX_LABELS: Record<Sex, string> = { male: 'Мужской', female: 'Женский' };

export const RESPONDENT_VALUES = ['parent', 'student', 'other'] as const;
export type RespondentType = (typeof RESPONDENT_VALUES)[number];
export const RESPONDENT_LABELS: Record<RespondentType, string> = {
  parent: 'Родитель (законный представитель)',
  student: 'Обучающийся',
  other: 'Иное',
};

export type QuestionKind = 'yesno' | 'text' | 'sex' | 'age' | 'respondent';

export interface Question {
  id: QuestionId;
  number: number;
  kind: QuestionKind;
  text: string;
  /** Dependent questions: shown only when this filter question is answered «Да». */
  filter?: QuestionId;
  /** Yes/no questions must be answered when shown; q15–q18 are optional. */
  required: boolean;
}

export const QUESTION_IDS = [
  'q1',
  'q2',
  'q3',
  'q4',
  'q5',
  'q6',
  'q7',
  'q8',
  'q9',
  'q10',
  'q11',
  'q12',
  'q13',
  'q14',
  'q15',
  'q16',
  'q17',
  'q18',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

const yesno = (number: number, text: string, filter?: QuestionId): Question => ({
  id: `q${number}` as QuestionId,
  number,
  kind: 'yesno',
  text,
  required: true,
  ...(filter ? { filter } : {}),
});

export const QUESTIONS: readonly Question[] = Object.freeze([
  yesno(
    1,
    'При посещении организации обращались ли Вы к информации о ее деятельности, размещенной на информационных стендах в помещениях организации?',
  ),
  yesno(
    2,
    'Удовлетворены ли Вы открытостью, полнотой и доступностью информации о деятельности организации, размещенной на информационных стендах в помещении организации?',
    'q1',
  ),
  yesno(
    3,
    'Пользовались ли Вы официальным сайтом организации, чтобы получить информацию о ее деятельности?',
  ),
  yesno(
    4,
    'Удовлетворены ли Вы открытостью, полнотой и доступностью информации о деятельности организации, размещенной на ее официальном сайте в информационно-телекоммуникационной сети «Интернет»?',
    'q3',
  ),
  yesno(
    5,
    'Удовлетворены ли Вы комфортностью условий предоставления услуг в организации (наличие комфортной зоны отдыха (ожидания), наличие и понятность навигации внутри организации, наличие и доступность питьевой воды, наличие и доступность санитарно-гигиенических помещений, санитарное состояние помещений организации)?',
  ),
  yesno(
    6,
    'Имеете ли Вы (или лицо, представителем которого Вы являетесь) установленную группу инвалидности?',
  ),
  yesno(
    7,
    'Удовлетворены ли Вы доступностью предоставления услуг для инвалидов в организации?',
    'q6',
  ),
  yesno(
    8,
    'Удовлетворены ли Вы доброжелательностью и вежливостью работников организации, обеспечивающих первичный контакт и информирование получателя услуги при непосредственном обращении в организацию (работники приемной, секретариата, учебной части и т.п.)?',
  ),
  yesno(
    9,
    'Удовлетворены ли Вы доброжелательностью и вежливостью работников организации, обеспечивающих непосредственное оказание услуги при обращении в организацию (преподаватели, воспитатели, тренеры, инструкторы и т.п.)?',
  ),
  yesno(
    10,
    'Пользовались ли Вы какими-либо дистанционными способами взаимодействия с организацией (телефон, электронная почта, электронный сервис (форма для подачи электронного обращения (жалобы, предложения), получение консультации по оказываемым услугам), раздел «Часто задаваемые вопросы», анкета для опроса граждан на сайте и прочие)?',
  ),
  yesno(
    11,
    'Удовлетворены ли Вы доброжелательностью и вежливостью работников организации, с которыми взаимодействовали в дистанционной форме (по телефону, по электронной почте, с помощью электронных сервисов и т.п.)?',
    'q10',
  ),
  yesno(
    12,
    'Готовы ли Вы рекомендовать данную организацию родственникам и знакомым (или могли бы Вы ее рекомендовать, если бы была возможность выбора организации)?',
  ),
  yesno(
    13,
    'Удовлетворены ли Вы организационными условиями предоставления услуг (графиком работы организации, наличием и понятностью навигации внутри организации и т.п.)?',
  ),
  yesno(14, 'Удовлетворены ли Вы в целом условиями оказания услуг в организации?'),
  {
    id: 'q15',
    number: 15,
    kind: 'text',
    text: 'Ваши предложения по улучшению условий оказания услуг в данной организации',
    required: false,
  },
  { id: 'q16', number: 16, kind: 'sex', text: 'Ваш пол', required: false },
  { id: 'q17', number: 17, kind: 'age', text: 'Ваш возраст (полных лет)', required: false },
  { id: 'q18', number: 18, kind: 'respondent', text: 'Кем Вы являетесь', required: false },
]);

export const QUESTION_BY_ID: ReadonlyMap<string, Question> = new Map(
  QUESTIONS.map((q) => [q.id, q]),
);

/** Filter question → its dependent one (q1→q2, q3→q4, q6→q7, q10→q11). */
export const DEPENDENT_OF: ReadonlyMap<QuestionId, QuestionId> = new Map(
  QUESTIONS.filter((q) => q.filter).map((q) => [q.filter!, q.id]),
);

/** A stored answer set: yes/no as booleans, q15 text, q16/q18 codes, q17 whole years. */
export interface SurveyAnswers {
  q1?: boolean;
  q2?: boolean;
  q3?: boolean;
  q4?: boolean;
  q5?: boolean;
  q6?: boolean;
  q7?: boolean;
  q8?: boolean;
  q9?: boolean;
  q10?: boolean;
  q11?: boolean;
  q12?: boolean;
  q13?: boolean;
  q14?: boolean;
  q15?: string;
  q16?: Sex;
  q17?: number;
  q18?: RespondentType;
}
