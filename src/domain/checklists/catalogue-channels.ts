// Remote channels (indicator 1.2): each counts only if it is listed on the official site (the site
// monitor's finding, which the expert may correct with a reason) AND works (the expert's test).
// Keys are the site monitor's channel names (src/domain/site-requirements/channels.ts CHANNELS).
import type { SectionCatalogue } from './catalogue.ts';

export const REMOTE_CHANNELS_DEFAULT_1 = Object.freeze<SectionCatalogue>({
  section: 'remoteChannels',
  version: 'remote-channels-default-1',
  title: 'Дистанционные способы взаимодействия',
  indicator: '1.2',
  basis: 'Приказ Минтруда России № 344н (показатель 1.2); приказ Минтруда России № 899',
  items: [
    {
      key: 'telephone',
      number: 1,
      title: 'Телефон',
      hint: 'Пробный звонок: дата, время, ответили или нет',
      test: 'call',
    },
    {
      key: 'email',
      number: 2,
      title: 'Электронная почта',
      hint: 'Пробное письмо: работает, если ответ получен в течение 5 рабочих дней',
      test: 'letter',
    },
    {
      key: 'e_service',
      number: 3,
      title:
        'Электронные сервисы (форма для подачи обращения, жалобы, предложения, получения консультации)',
    },
    { key: 'faq', number: 4, title: 'Раздел «Часто задаваемые вопросы» на сайте' },
    {
      key: 'quality_opinion',
      number: 5,
      title: 'Возможность высказать мнение о качестве условий (анкета на сайте или ссылка на неё)',
    },
    {
      key: 'other',
      number: 6,
      title: 'Иной дистанционный способ (страница в социальной сети, мессенджер, чат)',
    },
  ],
});
