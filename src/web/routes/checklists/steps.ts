// The steps of the checklist forms: one list per screen, so a phone shows one section at a time.
// The expert also sees «Сайт» (the site half of 1.1 from the site monitor, correctable with a
// reason); the organization ends with «Отправка».
import type { ChecklistSection } from '../../../domain/checklists/catalogue.ts';

export type StepKey = ChecklistSection | 'site' | 'send';

export const EXPERT_STEPS: readonly StepKey[] = [
  'stand',
  'site',
  'remoteChannels',
  'comfort',
  'premises',
  'services',
];
export const ORGANIZATION_STEPS: readonly StepKey[] = [
  'stand',
  'remoteChannels',
  'comfort',
  'premises',
  'services',
  'send',
];

export const STEP_TITLES: Record<StepKey, string> = {
  stand: 'Стенды',
  site: 'Сайт',
  remoteChannels: 'Связь',
  comfort: 'Комфорт',
  premises: 'Помещения',
  services: 'Услуги для инвалидов',
  send: 'Отправка',
};

export function stepOf(value: string | null, steps: readonly StepKey[]): StepKey {
  return steps.find((s) => s === value) ?? steps[0]!;
}

export function nextStep(step: StepKey, steps: readonly StepKey[]): StepKey | null {
  return steps[steps.indexOf(step) + 1] ?? null;
}

export function isSectionStep(step: StepKey): step is ChecklistSection {
  return step !== 'site' && step !== 'send';
}
