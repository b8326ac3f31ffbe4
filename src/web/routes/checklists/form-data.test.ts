import { describe, expect, it } from 'vitest';
import { formField, sectionInput, siteInput } from './form-data.ts';

describe('sectionInput', () => {
  it('reads answers, blanks as null, links, and leaves untouched items out', () => {
    const parsed = sectionInput(
      {
        'answer.name': 'yes',
        'comment.name': '  ',
        'reason.name': '',
        'answer.founders': 'na',
        'reason.founders': 'Учредитель — сама организация',
        'comment.structure': 'Не смогли проверить',
        'link.structure': 'https://school.example/structure',
        'answer.management': 'maybe',
      },
      'declared',
      'stand',
      ['name', 'founders', 'structure', 'management', 'programmes'],
    );
    expect(parsed.input).toEqual({
      side: 'declared',
      items: [
        { section: 'stand', key: 'name', answer: 'yes', comment: null, reason: null },
        {
          section: 'stand',
          key: 'founders',
          answer: 'na',
          reason: 'Учредитель — сама организация',
        },
        { section: 'stand', key: 'structure', comment: 'Не смогли проверить' },
      ],
      channels: [],
      links: [{ section: 'stand', key: 'structure', url: 'https://school.example/structure' }],
    });
    expect(parsed.linkKeys).toEqual(['structure']);
  });

  it('reads channel findings and test logs of the expert', () => {
    const { input } = sectionInput(
      {
        'listed.telephone': 'yes',
        'answer.telephone': 'yes',
        'callDate.telephone': '2026-04-15',
        'callTime.telephone': '10:30',
        'callAnswered.telephone': 'yes',
        'listed.email': 'no',
        'listedReason.email': 'Адреса нет',
        'letterSentOn.email': '',
        'letterAnsweredOn.email': '',
      },
      'confirmed',
      'remoteChannels',
      ['telephone', 'email', 'faq'],
    );
    expect(input.channels).toEqual([
      {
        key: 'telephone',
        listed: true,
        test: { callDate: '2026-04-15', callTime: '10:30', callAnswered: true },
      },
      {
        key: 'email',
        listed: false,
        listedReason: 'Адреса нет',
        test: { letterSentOn: null, letterAnsweredOn: null },
      },
    ]);
    expect(
      sectionInput({ 'listed.faq': 'yes' }, 'declared', 'remoteChannels', ['faq']).input.channels,
    ).toEqual([]);
  });
});

describe('siteInput', () => {
  it.each([
    [{}, { side: 'confirmed' }],
    [
      { siteMode: 'monitor', sitePresent: '3' },
      { side: 'confirmed', siteOverride: null },
    ],
    [
      {
        siteMode: 'override',
        sitePresent: '40',
        siteRequired: ' 50 ',
        siteReason: 'Сайт переехал',
      },
      { side: 'confirmed', siteOverride: { present: 40, required: 50, reason: 'Сайт переехал' } },
    ],
  ])('%j', (values, expected) => {
    expect(siteInput(values)).toEqual(expected);
  });
});

describe('formField', () => {
  it.each([
    ['items.stand.name.reason', 'reason.name'],
    ['items.stand.name.answer', 'answer.name'],
    ['items.stand.name', 'answer.name'],
    ['items.remoteChannels.email.comment', 'comment.email'],
    ['channels.email.listedReason', 'listedReason.email'],
    ['channels.email', 'listed.email'],
    ['channels.telephone.test.callTime', 'callTime.telephone'],
    ['evidence.comfort.toilets', 'file.toilets'],
    ['links.1.url', 'link.faq'],
    ['siteOverride.reason', 'siteReason'],
    ['siteOverride.present', 'sitePresent'],
    ['side', 'side'],
  ])('%s → %s', (path, field) => {
    expect(formField(path, ['email', 'faq'])).toBe(field);
  });
});
