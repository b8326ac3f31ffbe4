// Indicator 1.2: the six remote channels (site-monitoring.md «Indicator 1.2», methodology.md).
// A crawler can only show that a channel is listed; «working» needs more (a test call, an MX
// lookup, a resolving survey link), so `detected` means «listed on the site», with evidence.
import type { PageModel } from './page-model.ts';

export const CHANNELS = [
  'telephone',
  'email',
  'e_service',
  'faq',
  'quality_opinion',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelResult {
  channel: Channel;
  detected: boolean;
  evidence: string | null;
}

export interface ChannelPage {
  url: string;
  model: PageModel;
  /** The page was reached by following a FAQ link (its non-empty body is the evidence). */
  via?: 'faq' | 'e_service';
}

export interface ChannelOptions {
  /** URL prefixes of our own campaign survey (the most reliable quality_opinion signal). */
  surveyUrlPrefixes?: readonly string[];
}

const PHONE =
  /(?:\+7|(?<!\d)8)[\s\u00a0(-]*\d{3,5}[\s\u00a0)-]*\d{1,3}[\s\u00a0-]?\d{2}[\s\u00a0-]?\d{2}(?!\d)/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,}/i;
const EMAIL_OBFUSCATED =
  /[\w.+-]+\s*[[(]\s*(?:at|собака)\s*[\])]\s*[\w-]+\s*(?:[[(]\s*(?:dot|точка)\s*[\])]\s*|\.)[a-z]{2,}/i;
export const FAQ_TEXT = /часто задаваемые вопросы|вопрос[\s-]*ответ|\bfaq\b/i;
export const E_SERVICE_TEXT =
  /обращени\S* граждан|обратн\S* связ\S*|интернет[\s-]*при[её]мн\S*|задать вопрос|электронн\S* обращени/i;
const QUALITY_TEXT = /независим\S* оценк\S* качества|оцените качество|анкет\S* (для|получателей)/i;
const POS_WIDGET = /pos\.gosuslugi\.ru/i;
const SOCIAL =
  /\/\/(?:www\.)?(vk\.com|vkontakte\.ru|ok\.ru|t\.me|telegram\.me|max\.ru|wa\.me|dzen\.ru)\//i;
const CHAT_WIDGET =
  /jivosite|jivo\.chat|code\.jivo|bitrix24\.[a-z]+\/b\d+|callbackhunter|envybox|chatra\.io|livetex|carrotquest|talk-me/i;

function result(channel: Channel, evidence: string | null): ChannelResult {
  return { channel, detected: evidence !== null, evidence };
}

function first<T>(pages: readonly ChannelPage[], pick: (p: ChannelPage) => T | null): T | null {
  for (const p of pages) {
    const v = pick(p);
    if (v !== null) return v;
  }
  return null;
}

function telephone(pages: readonly ChannelPage[]): string | null {
  return (
    first(
      pages,
      (p) => p.model.links.find((l) => /^tel:/i.test(l.href))?.href.replace(/\s+/g, '') ?? null,
    ) ??
    first(pages, (p) => {
      const m = p.model.marked.find(
        (e) => e.props.includes('telephone') && !e.hidden && PHONE.test(e.text),
      );
      return m ? `itemprop=telephone: ${m.text.slice(0, 80)}` : null;
    }) ??
    first(pages, (p) => PHONE.exec(p.model.text)?.[0] ?? null)
  );
}

function email(pages: readonly ChannelPage[]): string | null {
  return (
    first(pages, (p) => p.model.links.find((l) => /^mailto:/i.test(l.href))?.href ?? null) ??
    first(pages, (p) => EMAIL.exec(p.model.text)?.[0] ?? null) ??
    first(pages, (p) => EMAIL_OBFUSCATED.exec(p.model.text)?.[0] ?? null)
  );
}

function eService(pages: readonly ChannelPage[]): string | null {
  return (
    first(pages, (p) =>
      p.model.forms.some((f) => f.textarea && f.submit && f.contactField)
        ? `форма обращения: ${p.url}`
        : null,
    ) ?? first(pages, (p) => p.model.embeds.find((s) => POS_WIDGET.test(s)) ?? null)
  );
}

function faq(pages: readonly ChannelPage[]): string | null {
  return (
    first(pages, (p) => (p.via === 'faq' && p.model.text.length >= 40 ? p.url : null)) ??
    first(pages, (p) => {
      const h = p.model.headings.find((x) => FAQ_TEXT.test(x));
      return h && /\?/.test(p.model.text) ? `${p.url}: «${h}»` : null;
    })
  );
}

function qualityOpinion(pages: readonly ChannelPage[], options: ChannelOptions): string | null {
  const prefixes = options.surveyUrlPrefixes ?? [];
  return (
    first(
      pages,
      (p) => p.model.links.find((l) => prefixes.some((x) => l.href.startsWith(x)))?.href ?? null,
    ) ??
    first(pages, (p) => p.model.links.find((l) => /bus\.gov\.ru/i.test(l.href))?.href ?? null) ??
    first(pages, (p) => p.model.links.find((l) => QUALITY_TEXT.test(l.text))?.href ?? null)
  );
}

function other(pages: readonly ChannelPage[]): string | null {
  return (
    first(pages, (p) => p.model.links.find((l) => SOCIAL.test(l.href))?.href ?? null) ??
    first(pages, (p) => p.model.embeds.find((s) => CHAT_WIDGET.test(s)) ?? null) ??
    first(pages, (p) => CHAT_WIDGET.exec(p.model.scriptText)?.[0] ?? null)
  );
}

/** The six channels over the pages seen (main page, «Основные сведения», followed links). */
export function detectChannels(
  pages: readonly ChannelPage[],
  options: ChannelOptions = {},
): ChannelResult[] {
  return [
    result('telephone', telephone(pages)),
    result('email', email(pages)),
    result('e_service', eService(pages)),
    result('faq', faq(pages)),
    result('quality_opinion', qualityOpinion(pages, options)),
    result('other', other(pages)),
  ];
}

/** Links worth following for 1.2: a FAQ page and an «обращения граждан» page (one each). */
export function channelLinks(model: PageModel): { faq: string | null; eService: string | null } {
  const faqLink = model.links.find((l) => FAQ_TEXT.test(l.text))?.href ?? null;
  const eLink = model.links.find((l) => E_SERVICE_TEXT.test(l.text))?.href ?? null;
  return { faq: faqLink, eService: eLink };
}
