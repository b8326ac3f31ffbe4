// Indicator 1.2 channel detection on page models.
import { describe, expect, it } from 'vitest';
import { channelLinks, detectChannels } from './channels.ts';
import { buildPageModel } from './page-model.ts';

const detect = (html: string, opts = {}) =>
  Object.fromEntries(
    detectChannels([{ url: 'https://s.example/', model: buildPageModel(html) }], opts).map((c) => [
      c.channel,
      c.evidence,
    ]),
  );

describe('detectChannels', () => {
  it.each([
    ['tel link', '<a href="tel:+7 495 123-45-67">звоните</a>', 'telephone', 'tel:+7495123-45-67'],
    ['phone text', '<p>Телефон: 8 (4852) 12-34-56</p>', 'telephone', '8 (4852) 12-34-56'],
    ['mailto', '<a href="mailto:a@b.ru">почта</a>', 'email', 'mailto:a@b.ru'],
    ['obfuscated email', '<p>school7 [at] mail.ru</p>', 'email', 'school7 [at] mail.ru'],
    [
      'form',
      '<form><input type=email><textarea></textarea><button>Отправить</button></form>',
      'e_service',
      'форма обращения: https://s.example/',
    ],
    [
      'POS widget',
      '<script src="https://pos.gosuslugi.ru/bin/script.min.js"></script>',
      'e_service',
      'https://pos.gosuslugi.ru/bin/script.min.js',
    ],
    [
      'faq heading',
      '<h2>Вопрос-ответ</h2><p>Как записаться?</p>',
      'faq',
      'https://s.example/: «Вопрос-ответ»',
    ],
    [
      'bus.gov.ru',
      '<a href="https://bus.gov.ru/qrcode/rate/123">Оцените</a>',
      'quality_opinion',
      'https://bus.gov.ru/qrcode/rate/123',
    ],
    ['vk', '<a href="https://vk.com/school">ВК</a>', 'other', 'https://vk.com/school'],
    [
      'chat widget',
      '<script>(function(){var s="//code.jivo.ru/widget/x"})()</script>',
      'other',
      'code.jivo',
    ],
  ])('%s', (_name, html, channel, evidence) => {
    expect(detect(html)[channel]).toBe(evidence);
  });

  it('prefers our own survey link for quality_opinion', () => {
    const html = '<a href="https://bus.gov.ru/x">b</a><a href="https://noko.test/s/abc">Анкета</a>';
    expect(detect(html, { surveyUrlPrefixes: ['https://noko.test/s/'] }).quality_opinion).toBe(
      'https://noko.test/s/abc',
    );
  });

  it('detects nothing on an empty page and does not take a form without a text field', () => {
    expect(Object.values(detect('<form><input name=q><button>Найти</button></form>'))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('finds the links worth following', () => {
    const m = buildPageModel(
      '<a href="/faq">Часто задаваемые вопросы</a><a href="/obr">Интернет-приёмная</a>',
    );
    expect(channelLinks(m)).toEqual({ faq: '/faq', eService: '/obr' });
  });
});
