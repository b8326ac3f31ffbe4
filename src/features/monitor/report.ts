// The readable Russian report of `noko monitor` (the default output; `--json` prints the object).
import type {
  CheckStatus,
  DocumentStatus,
  ItemStatus,
  MonitorResult,
} from '../../domain/site-requirements/index.ts';

export const ITEM_STATUS_RU: Record<ItemStatus, string> = {
  found: 'есть',
  placeholder: 'есть (заглушка «отсутствует»)',
  missing: 'нет',
  hidden: 'скрыто от посетителей',
  outside_parent: 'вне своего контейнера',
  nonstandard: 'нестандартная разметка',
};

const SECTION_STATUS_RU = { found: 'найден', missing: 'не найден', error: 'ошибка' } as const;

const CHANNEL_RU: Record<string, string> = {
  telephone: 'телефон',
  email: 'электронная почта',
  e_service: 'электронные сервисы (форма обращения)',
  faq: 'раздел «Часто задаваемые вопросы»',
  quality_opinion: 'анкета или ссылка для оценки качества условий',
  other: 'иной дистанционный способ',
};

const KIND_RU = {
  preschool: 'дошкольная',
  school: 'общеобразовательная',
  vocational: 'профессиональная (СПО)',
  additional: 'дополнительного образования',
} as const;

export const CHECK_STATUS_RU: Record<CheckStatus, string> = {
  pass: 'выполнено',
  fail: 'НЕ ВЫПОЛНЕНО',
  warning: 'внимание',
  not_checked: 'не проверялось',
};

const DOCUMENT_STATUS_RU: Record<DocumentStatus, string> = {
  text: 'есть текстовый слой',
  scan: 'СКАН без текстового слоя',
  unknown: 'не удалось прочитать',
  not_pdf: 'не PDF',
  unavailable: 'НЕ ОТКРЫВАЕТСЯ',
  too_large: 'слишком большой, не проверен',
};

function renderChecks(r: MonitorResult, out: string[]): void {
  if (!r.checks?.length) return;
  out.push('Общие требования к сайту:');
  // The update heuristic (273-ФЗ ст.29 ч.3) is listed with them, marked «справочно».
  for (const c of r.freshness ? [...r.checks, r.freshness] : r.checks) {
    const tail = c.required ? '' : ' (справочно)';
    out.push(
      `    ${c.title}: ${CHECK_STATUS_RU[c.status]}${tail}${c.details ? ` — ${c.details}` : ''}`,
    );
    if (c.status === 'fail' || c.status === 'warning')
      for (const e of c.evidence.slice(0, 5)) out.push(`        ${e}`);
  }
  for (const d of r.documents ?? []) {
    const signed = d.signed ? ', есть электронная подпись' : '';
    out.push(`    документ ${d.url}: ${DOCUMENT_STATUS_RU[d.status]}${signed}`);
  }
  out.push('');
}

export function renderReport(r: MonitorResult): string {
  const out: string[] = [];
  out.push(`Проверка сайта ${r.url}`);
  out.push(
    `Вид организации: ${KIND_RU[r.kind]}; дата проверки: ${r.checkedAt}; требования: ${r.rulesetVersion}`,
  );
  if (!r.reachable) out.push(`САЙТ НЕДОСТУПЕН: ${r.reason ?? 'причина неизвестна'}`);
  else if (r.reason) out.push(`Внимание: ${r.reason}`);
  out.push(
    `Ссылка на раздел «Сведения об образовательной организации» с главной страницы: ${
      r.sectionLink ? (r.sectionLinkInNav ? 'есть (в меню)' : 'есть (не в меню)') : 'НЕТ'
    }`,
  );
  out.push('');
  for (const s of r.reachable ? r.sections : []) {
    const required = s.items.filter((i) => i.requirement === 'required');
    const present = required.filter(
      (i) => i.status === 'found' || i.status === 'placeholder',
    ).length;
    const where = s.url ? ` — ${s.url}` : '';
    out.push(
      `${s.path} «${s.title}»: ${SECTION_STATUS_RU[s.status]}${where}; обязательных сведений ${present} из ${required.length}`,
    );
    if (s.reason) out.push(`    причина: ${s.reason}`);
    if (s.note) out.push(`    примечание: ${s.note}`);
    if (s.status !== 'found') continue;
    for (const i of s.items) {
      if (i.status === 'found' && !i.note) continue;
      if (i.status === 'missing' && i.requirement !== 'required') continue;
      const name = i.itemprop ?? i.key;
      const tail = i.requirement === 'required' ? '' : ' (не учитывается в 1.1)';
      out.push(`    ${name}: ${ITEM_STATUS_RU[i.status]}${i.note ? ` — ${i.note}` : ''}${tail}`);
    }
  }
  if (r.reachable) out.push('');
  out.push('Дистанционные способы взаимодействия (показатель 1.2):');
  for (const c of r.channels) {
    out.push(
      `    ${CHANNEL_RU[c.channel] ?? c.channel}: ${c.detected ? `есть — ${c.evidence ?? ''}` : 'не обнаружен'}`,
    );
  }
  out.push('');
  renderChecks(r, out);
  const pct = (r.score.share * 100).toFixed(1).replace('.', ',');
  out.push(`Итог: ${r.score.present} из ${r.score.required} обязательных сведений (${pct} %)`);
  return `${out.join('\n')}\n`;
}
