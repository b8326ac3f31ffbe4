// `/results/:campaignId/org/:orgId` — the public result card of one organization, no sign-in. The
// QR code on the result-card PDF prints this address: keep it. Shows only what the council approved
// (a frozen run): total and band, places, K1–K5 against the municipality and the region, every
// indicator, survey shares with intervals, shortcomings with recommendations, and earlier years.
import type { LoaderFunctionArgs } from 'react-router';
import type {
  IndicatorRow,
  PlaceRow,
  PublicCardPage,
  ShareRow,
} from '../../../features/dashboards/dashboards.schema.ts';
import { kindGroupTitle, SOURCE_TITLES } from '../../../features/dashboards/labels.ts';
import { appContext } from '../../context.ts';
import { esc, figure, fmt, page, signed, table } from './public-html.ts';
import { htmlResponse, publicFailure } from './public-response.ts';

const positive = (v: string | undefined) => {
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const app = context.get(appContext);
  const campaignId = positive(params.campaignId);
  const organizationId = positive(params.orgId);
  try {
    if (campaignId === null || organizationId === null) {
      throw Object.assign(new Error('Результаты не найдены'), { code: 'not_found' });
    }
    const card = await app.services.resultDashboards.publicCard(campaignId, organizationId);
    return htmlResponse(cardPage(card));
  } catch (e) {
    return publicFailure(e);
  }
}

function facts(c: PublicCardPage): string {
  const o = c.organization;
  const kindPlace = c.places.find((p) => p.key === 'kind');
  const place =
    o.ranked && kindPlace?.rank
      ? `${kindPlace.rank} из ${kindPlace.of}`
      : o.total === null
        ? 'не участвует: недостаточно данных'
        : `не участвует: опрошено ${o.respondents} из ${o.requiredSample} необходимых`;
  return (
    `<div class="facts">` +
    `<div><div class="muted">Итоговый балл (из 100)</div><div class="score">${fmt(o.total)}</div>` +
    `<div>${esc(o.band ?? '')}</div></div>` +
    `<div><div class="muted">Место среди организаций того же типа в области</div><div class="score">${esc(place)}</div></div>` +
    `<div><div class="muted">Опрошено получателей услуг</div><div class="score">${o.respondents}</div></div>` +
    `</div>`
  );
}

function places(c: PublicCardPage): string {
  return table<PlaceRow>(
    'Место в рейтингах кампании (равные баллы делят место)',
    [
      { header: 'Рейтинг', rowHeader: true, cell: (p) => esc(p.title) },
      {
        header: 'Место',
        numeric: true,
        cell: (p) => (p.rank === null ? 'не участвует' : String(p.rank)),
      },
      { header: 'Организаций в рейтинге', numeric: true, cell: (p) => String(p.of) },
    ],
    c.places,
  );
}

function indicators(c: PublicCardPage): string {
  return table<IndicatorRow>(
    'Баллы по показателям: организация, среднее по муниципалитету и по области',
    [
      { header: 'Показатель', rowHeader: true, cell: (r) => `${r.key}. ${esc(r.title)}` },
      { header: 'Организация', numeric: true, cell: (r) => fmt(r.value) },
      { header: 'Муниципалитет', numeric: true, cell: (r) => fmt(r.municipality) },
      { header: 'Область', numeric: true, cell: (r) => fmt(r.region) },
      { header: 'Разница с областью', numeric: true, cell: (r) => signed(r.difference) },
    ],
    c.indicators,
  );
}

function shares(c: PublicCardPage): string {
  return table<ShareRow>(
    'Доли ответов «Да» с 95-процентным доверительным интервалом Вильсона',
    [
      { header: 'Вопрос', rowHeader: true, cell: (r) => esc(r.title) },
      { header: '«Да» из ответивших', numeric: true, cell: (r) => `${r.yes} из ${r.of}` },
      { header: 'Доля, %', numeric: true, cell: (r) => fmt(r.share) },
      {
        header: 'Интервал, %',
        numeric: true,
        cell: (r) => (r.low === null ? '—' : `${fmt(r.low)} – ${fmt(r.high)}`),
      },
    ],
    c.shares,
  );
}

function shortcomings(c: PublicCardPage): string {
  if (c.shortcomings.length === 0) return '<p>Недостатков не найдено.</p>';
  const items = c.shortcomings
    .map(
      (s) =>
        `<li><strong>${esc(s.title)}</strong> (показатель ${esc(s.indicator)}, ${esc(SOURCE_TITLES[s.source])}).` +
        `<br>Рекомендация: ${esc(s.recommendation)}` +
        (s.legalBasis ? `<br><span class="muted">Основание: ${esc(s.legalBasis)}</span>` : '') +
        `</li>`,
    )
    .join('');
  return `<ul class="plain">${items}</ul>`;
}

export function cardPage(c: PublicCardPage): string {
  const o = c.organization;
  const body =
    `<p><a href="/results/${c.campaign.id}">Все организации кампании «${esc(c.campaign.title)}»</a></p>` +
    `<h1>${esc(o.shortName)}</h1>` +
    `<p>${esc(o.fullName)}</p>` +
    `<p class="muted">${esc(kindGroupTitle(o.kind))}; ${esc(o.municipalityName)}. ` +
    `${esc(c.regionName)}, ${c.campaign.year} год. Утверждено: ${esc(c.run.frozenBasis ?? '—')}.</p>` +
    facts(c) +
    `<h2>Место в рейтингах</h2>${places(c)}` +
    figure(c.figure) +
    `<h2>Показатели</h2>${indicators(c)}` +
    `<h2>Ответы получателей услуг</h2>` +
    `<p class="muted">Чем меньше ответивших, тем шире интервал: он показывает, насколько можно доверять доле.</p>${shares(c)}` +
    `<h2>Недостатки и рекомендации</h2>${shortcomings(c)}` +
    (o.councilProposals
      ? `<h2>Предложения общественного совета</h2><p>${esc(o.councilProposals).replace(/\n/g, '<br>')}</p>`
      : '') +
    (c.yoy
      ? figure(c.yoy.figure) +
        (c.yoy.comparable
          ? ''
          : '<p><strong>Годы рассчитаны по разным версиям методики — сравнение условное.</strong></p>')
      : '');
  return page(`${o.shortName}: результаты оценки ${c.campaign.year}`, body);
}
