// Stages of a campaign with planned dates, shown as a timeline with what is late. Dates are ISO
// calendar dates (YYYY-MM-DD) in the region's time zone; "today" is passed in (no clock here).

export const STAGE_KEYS = [
  'list_approval',
  'terms_of_reference',
  'data_collection',
  'calculation',
  'report',
  'council_discussion',
  'publication',
  'improvement_plans',
] as const;

export type StageKey = (typeof STAGE_KEYS)[number];

export const STAGE_TITLES: Record<StageKey, string> = {
  list_approval: 'Утверждение перечня организаций общественным советом',
  terms_of_reference: 'Техническое задание для организации-оператора',
  data_collection: 'Сбор информации (сайты, стенды, анкетирование)',
  calculation: 'Расчёт показателей',
  report: 'Аналитический отчёт оператора',
  council_discussion: 'Рассмотрение результатов общественным советом',
  publication: 'Публикация результатов (в т. ч. на bus.gov.ru)',
  improvement_plans: 'Планы по устранению недостатков',
};

export interface StagePlan {
  key: StageKey;
  plannedStart: string;
  plannedEnd: string;
  completedAt?: string | null;
}

export type StageState = 'done' | 'done_late' | 'active' | 'late' | 'upcoming';

/** Where a stage stands on `today`. A stage is late when its end has passed and it is not done. */
export function stageState(stage: StagePlan, today: string): StageState {
  if (stage.completedAt) {
    return stage.completedAt.slice(0, 10) > stage.plannedEnd ? 'done_late' : 'done';
  }
  if (today > stage.plannedEnd) return 'late';
  if (today >= stage.plannedStart) return 'active';
  return 'upcoming';
}

/**
 * Default plan for a campaign year, following the usual calendar of regional assessments: list in
 * January–February, data collection in spring, report by autumn, council and publication after,
 * founders' improvement plans within a month of receiving results (Mintrud order No. 899).
 */
export function defaultStagePlan(year: number): StagePlan[] {
  const d = (m: number, day: number) =>
    `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const spans: Array<[StageKey, string, string]> = [
    ['list_approval', d(1, 15), d(2, 28)],
    ['terms_of_reference', d(2, 1), d(3, 15)],
    ['data_collection', d(3, 16), d(9, 30)],
    ['calculation', d(10, 1), d(10, 20)],
    ['report', d(10, 21), d(11, 10)],
    ['council_discussion', d(11, 11), d(11, 30)],
    ['publication', d(12, 1), d(12, 15)],
    ['improvement_plans', d(12, 1), d(12, 31)],
  ];
  return spans.map(([key, plannedStart, plannedEnd]) => ({ key, plannedStart, plannedEnd }));
}

/** Problems in a plan a user typed: Russian messages naming the stage. Empty when fine. */
export function validateStagePlan(stages: StagePlan[]): string[] {
  const problems: string[] = [];
  for (const s of stages) {
    if (s.plannedEnd < s.plannedStart) {
      problems.push(`«${STAGE_TITLES[s.key]}»: дата окончания раньше даты начала`);
    }
  }
  return problems;
}
