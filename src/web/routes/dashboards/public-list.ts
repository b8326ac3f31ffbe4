// `/results/:campaignId` — the public list of a campaign's approved results, no sign-in: ratings by
// kind (optionally within one municipality), municipalities' means, search by name or INN. A
// resource route answering light HTML (public-html.ts); only runs frozen by the council are shown.
import type { LoaderFunctionArgs } from 'react-router';
import type {
  MunicipalityMean,
  PublicGroup,
  PublicListPage,
  PublicRow,
} from '../../../features/dashboards/dashboards.schema.ts';
import { KIND_GROUP_TITLES } from '../../../features/dashboards/labels.ts';
import { appContext } from '../../context.ts';
import { esc, fmt, page, select, table } from './public-html.ts';
import { htmlResponse, publicFailure } from './public-response.ts';

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const app = context.get(appContext);
  const campaignId = Number(params.campaignId);
  try {
    if (!Number.isSafeInteger(campaignId) || campaignId <= 0) throw notFound();
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const list = await app.services.resultDashboards.publicList(campaignId, query);
    return htmlResponse(listPage(list));
  } catch (e) {
    return publicFailure(e);
  }
}

const notFound = () => Object.assign(new Error('Результаты не найдены'), { code: 'not_found' });

function rows(list: PublicListPage, group: PublicGroup, ranked: boolean): string {
  const href = (r: PublicRow) => `/results/${list.campaign.id}/org/${r.organizationId}`;
  const name = (r: PublicRow) => `<a href="${href(r)}">${esc(r.name)}</a>`;
  const rankTitle =
    list.rankScope === 'municipality' ? 'Место в муниципалитете' : 'Место в области';
  return ranked
    ? table<PublicRow>(
        `${group.title}: рейтинг (${group.ranked.length})`,
        [
          { header: rankTitle, numeric: true, cell: (r) => String(r.rank ?? '—') },
          { header: 'Организация', rowHeader: true, cell: name },
          { header: 'Муниципалитет', cell: (r) => esc(r.municipalityName) },
          { header: 'Итоговый балл', numeric: true, cell: (r) => fmt(r.total) },
          { header: 'Диапазон', cell: (r) => esc(r.band ?? '—') },
        ],
        group.ranked,
      )
    : table<PublicRow>(
        `${group.title}: не участвуют в рейтинге (${group.unranked.length})`,
        [
          { header: 'Организация', rowHeader: true, cell: name },
          { header: 'Муниципалитет', cell: (r) => esc(r.municipalityName) },
          { header: 'Итоговый балл', numeric: true, cell: (r) => fmt(r.total) },
          { header: 'Причина', cell: (r) => esc(r.note ?? '') },
        ],
        group.unranked,
      );
}

function searchForm(list: PublicListPage): string {
  const f = list.filters;
  return (
    `<form method="get" role="search" aria-label="Поиск и отбор организаций">` +
    `<label>Наименование или ИНН<input type="search" name="q" value="${esc(f.q)}" maxlength="100"></label>` +
    select(
      'kind',
      'Тип организаций',
      'Все типы',
      list.kinds.map((k) => ({ value: k, label: KIND_GROUP_TITLES[k] ?? k })),
      f.kind ?? '',
    ) +
    select(
      'municipalityId',
      'Муниципальное образование',
      'Вся область',
      list.municipalities.map((m) => ({ value: String(m.id), label: m.name })),
      f.municipalityId === null ? '' : String(f.municipalityId),
    ) +
    `<button type="submit">Показать</button> <a href="/results/${list.campaign.id}">Сбросить</a></form>`
  );
}

function municipalities(list: PublicListPage): string {
  const scope = list.filters.kind
    ? ` (${(KIND_GROUP_TITLES[list.filters.kind] ?? '').toLowerCase()})`
    : '';
  return (
    `<h2 id="municipalities">Средний итоговый балл по муниципалитетам${esc(scope)}</h2>` +
    table<MunicipalityMean>(
      `Средний итоговый балл по муниципалитетам, по убыванию; среднее по области — ${fmt(list.regionTotal)}`,
      [
        { header: 'Муниципалитет', rowHeader: true, cell: (m) => esc(m.name) },
        { header: 'Организаций с баллом', numeric: true, cell: (m) => String(m.organizations) },
        { header: 'Средний итоговый балл', numeric: true, cell: (m) => fmt(m.total) },
      ],
      list.municipalityMeans,
    )
  );
}

export function listPage(list: PublicListPage): string {
  const c = list.campaign;
  const filtered =
    list.filters.q !== '' || list.filters.kind !== null || list.filters.municipalityId !== null;
  const groups = list.groups
    .map(
      (g) =>
        `<h2>${esc(g.title)}</h2>` +
        (g.ranked.length > 0 ? rows(list, g, true) : '<p>В рейтинге нет организаций.</p>') +
        (g.unranked.length > 0 ? rows(list, g, false) : ''),
    )
    .join('');
  const body =
    `<h1>Результаты оценки: ${esc(c.title)}</h1>` +
    `<p class="lead">${esc(c.regionName)}, ${c.year} год. Среднее по области — <strong>${fmt(list.regionTotal)}</strong> из 100.</p>` +
    `<p class="muted">Утверждено: ${esc(list.run.frozenBasis ?? '—')}. Версия расчёта ${list.run.version}. ` +
    `Организации сравниваются с организациями того же типа; равные баллы делят место.</p>` +
    searchForm(list) +
    `<p role="status">${filtered ? `Найдено организаций: ${list.found}.` : `Организаций: ${list.found}.`}</p>` +
    (list.found === 0 ? '<p>Ничего не найдено. Измените запрос или сбросьте отбор.</p>' : groups) +
    municipalities(list);
  return page(`Результаты оценки: ${c.title}`, body);
}
