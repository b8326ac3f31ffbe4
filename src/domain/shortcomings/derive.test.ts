// Shortcomings of hand-built cases: the worked example (counts only → one summary per gap and
// every survey share below 100), item-level facts, the threshold, and nothing at the maximum.
import { describe, expect, it } from 'vitest';
import { roundOrganizationScore, scoreOrganization } from '../scoring/organization.ts';
import { exampleWith, workedExample } from '../scoring/fixture.ts';
import type { OrganizationInput } from '../scoring/input.ts';
import { deriveShortcomings, type ShortcomingFacts } from './derive.ts';
import { siteLegalBasis } from './legal.ts';

function facts(org: OrganizationInput, extra: Partial<ShortcomingFacts> = {}): ShortcomingFacts {
  const s = org.survey;
  const share = (yes: number, of: number) =>
    of === 0 ? null : Math.round((yes / of) * 10000) / 100;
  return {
    counts: org,
    indicators: roundOrganizationScore(scoreOrganization(org)).indicators,
    surveyShares: [
      { indicator: '1.3', question: 'q2', share: share(s.q2, s.q1) },
      { indicator: '1.3', question: 'q4', share: share(s.q4, s.q3) },
      { indicator: '2.3', question: 'q5', share: share(s.q5, s.respondents) },
      { indicator: '3.3', question: 'q7', share: share(s.q7, s.q6) },
      { indicator: '4.1', question: 'q8', share: share(s.q8, s.respondents) },
      { indicator: '4.2', question: 'q9', share: share(s.q9, s.respondents) },
      { indicator: '4.3', question: 'q11', share: share(s.q11, s.q10) },
      { indicator: '5.1', question: 'q12', share: share(s.q12, s.respondents) },
      { indicator: '5.2', question: 'q13', share: share(s.q13, s.respondents) },
      { indicator: '5.3', question: 'q14', share: share(s.q14, s.respondents) },
    ],
    ...extra,
  };
}

describe('deriveShortcomings', () => {
  it('summarizes every gap of the worked example when only counts are known', () => {
    const list = deriveShortcomings(facts(workedExample()));
    expect(list.map((s) => s.code)).toEqual([
      'stand:incomplete',
      'site:incomplete',
      'channels:incomplete',
      'comfort:incomplete',
      'premises:incomplete',
      'services:incomplete',
      'survey:q2',
      'survey:q4',
      'survey:q5',
      'survey:q7',
      'survey:q8',
      'survey:q9',
      'survey:q11',
      'survey:q12',
      'survey:q13',
      'survey:q14',
    ]);
    expect(list[0]).toMatchObject({
      indicator: '1.1',
      source: 'stand',
      title: 'На информационных стендах размещены не все обязательные сведения: 9 из 10',
      value: 85,
    });
    expect(list[2]).toMatchObject({
      indicator: '1.2',
      title:
        'Работает меньше четырёх дистанционных способов взаимодействия: 3, для 100 баллов нужно 4',
      value: 90,
    });
    expect(list.find((s) => s.code === 'survey:q7')).toMatchObject({
      indicator: '3.3',
      value: 75,
      legalBasis: null,
      title: 'Получатели услуг с инвалидностью удовлетворены доступностью услуг: 75,00 %',
    });
    for (const s of list) expect(s.recommendation.length).toBeGreaterThan(20);
  });

  it('lists missing items with their catalogue texts and legal bases', () => {
    const list = deriveShortcomings(
      facts(workedExample(), {
        missing: {
          stand: ['licence_accreditation'],
          site: ['common.fullName', 'no.such.item'],
          comfort: ['drinking_water'],
        },
      }),
    );
    const byCode = new Map(list.map((s) => [s.code, s]));
    expect(byCode.get('stand:licence_accreditation')).toMatchObject({
      source: 'stand',
      indicator: '1.1',
      legalBasis: expect.stringContaining('ст. 91'),
    });
    expect(byCode.get('site:common.fullName')).toMatchObject({
      source: 'site',
      title: expect.stringContaining('Основные сведения'),
      recommendation: expect.stringContaining('/sveden/common'),
      legalBasis: 'приказ Рособрнадзора от 04.08.2023 № 1493, п. 7а',
    });
    expect(byCode.get('site:no.such.item')?.title).toBe('Отсутствует пункт no.such.item');
    expect(byCode.get('comfort:drinking_water')).toMatchObject({
      source: 'checklist',
      indicator: '2.1',
      title: 'Отсутствует: Наличие и доступность питьевой воды',
      legalBasis: expect.stringContaining('СП 2.4.3648-20'),
    });
    expect(byCode.has('stand:incomplete')).toBe(false);
    expect(byCode.has('premises:incomplete')).toBe(true);
  });

  it('keeps survey shares at or above the threshold out', () => {
    const list = deriveShortcomings(facts(workedExample()), { surveyThreshold: 92 });
    expect(list.filter((s) => s.source === 'survey').map((s) => s.code)).toEqual([
      'survey:q2',
      'survey:q7',
      'survey:q12',
    ]);
  });

  it('finds nothing for an organization at the maximum, and says when data is missing', () => {
    const perfect = exampleWith({
      stand: { present: 10, required: 10 },
      site: { present: 50, required: 50 },
      remoteChannels: 6,
      comfortConditions: 5,
      premisesAccessibility: 5,
      serviceAccessibility: 5,
      survey: {
        q2: 120,
        q4: 150,
        q5: 200,
        q7: 12,
        q8: 200,
        q9: 200,
        q11: 80,
        q12: 200,
        q13: 200,
        q14: 200,
      },
    });
    expect(deriveShortcomings(facts(perfect))).toEqual([]);
    const none = exampleWith({
      stand: { present: 0, required: 15 },
      site: { present: 0, required: 40 },
      remoteChannels: 0,
    });
    const list = deriveShortcomings(facts(none, { noChecklist: true, noSite: true }));
    expect(list[0]?.title).toContain('0 из 15 (нет данных чек-листа)');
    expect(list[1]?.title).toContain('0 из 40 (нет данных мониторинга сайта)');
  });
});

describe('catalogue helpers', () => {
  it.each([
    [
      '1493 p.9д; 273-ФЗ art.30',
      'приказ Рособрнадзора от 04.08.2023 № 1493, п. 9д; ст. 30 Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»',
    ],
    [
      'PP 1802 p.12а',
      'приказ Рособрнадзора от 04.08.2023 № 1493; постановление Правительства РФ от 20.10.2021 № 1802, п. 12а',
    ],
    [
      '1493 pp.22-26; PP 1802 p.20',
      'приказ Рособрнадзора от 04.08.2023 № 1493, пп. 22-26; постановление Правительства РФ от 20.10.2021 № 1802, п. 20',
    ],
    [null, 'приказ Рособрнадзора от 04.08.2023 № 1493'],
  ])('site legal basis %s', (ref, expected) => {
    expect(siteLegalBasis(ref)).toBe(expected);
  });
});
