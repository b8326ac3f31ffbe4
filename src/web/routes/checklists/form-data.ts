// The section form as the service's SaveChecklistInput, and the service's field paths back to the
// form's field names (so the error summary links to the right input). Pure: unit-tested and
// imported by the page bundle.
//
// Field names: answer.<key>, reason.<key>, comment.<key>, link.<key>, file.<key> (files);
// channels: listed.<key>, listedReason.<key>, callDate.<key>, callTime.<key>, callAnswered.<key>,
// letterSentOn.<key>, letterAnsweredOn.<key>; the site step: siteMode, sitePresent, siteRequired,
// siteReason.
import type { ChecklistSection, Side } from '../../../domain/checklists/index.ts';
import type {
  ChannelInput,
  ItemInput,
  SaveChecklistInput,
} from '../../../features/checklists/checklists.schema.ts';

export type FormValues = Record<string, string>;

const TEST_FIELDS = ['callDate', 'callTime', 'letterSentOn', 'letterAnsweredOn'] as const;

const text = (v: string | undefined): string | null | undefined =>
  v === undefined ? undefined : v.trim() === '' ? null : v;
const yesNo = (v: string | undefined): boolean | null | undefined =>
  v === undefined ? undefined : v === 'yes' ? true : v === 'no' ? false : null;

export interface ParsedSection {
  input: SaveChecklistInput;
  /** Item key of each `links[i]`, to name the field of a refused link. */
  linkKeys: string[];
}

/** The save of one section's items (keys in catalogue order) from the posted strings. */
export function sectionInput(
  values: FormValues,
  side: Side,
  section: ChecklistSection,
  keys: readonly string[],
): ParsedSection {
  const items: ItemInput[] = [];
  const channels: ChannelInput[] = [];
  const links: { section: ChecklistSection; key: string; url: string }[] = [];
  for (const key of keys) {
    const answer = values[`answer.${key}`];
    const item: ItemInput = { section, key };
    if (answer === 'yes' || answer === 'no' || answer === 'na') item.answer = answer;
    const comment = text(values[`comment.${key}`]);
    if (comment !== undefined) item.comment = comment;
    const reason = text(values[`reason.${key}`]);
    if (reason !== undefined) item.reason = reason;
    if (Object.keys(item).length > 2) items.push(item);
    const link = values[`link.${key}`]?.trim();
    if (link) links.push({ section, key, url: link });
    if (section === 'remoteChannels' && side === 'confirmed') {
      const ch = channelInput(values, key);
      if (ch) channels.push(ch);
    }
  }
  return {
    input: { side, items, channels, links },
    linkKeys: links.map((l) => l.key),
  };
}

function channelInput(values: FormValues, key: string): ChannelInput | null {
  const ch: ChannelInput = { key };
  const listed = yesNo(values[`listed.${key}`]);
  if (listed !== undefined) ch.listed = listed;
  const reason = text(values[`listedReason.${key}`]);
  if (reason !== undefined) ch.listedReason = reason;
  const test: NonNullable<ChannelInput['test']> = {};
  for (const f of TEST_FIELDS) {
    const v = text(values[`${f}.${key}`]);
    if (v !== undefined) test[f] = v;
  }
  const answered = yesNo(values[`callAnswered.${key}`]);
  if (answered !== undefined) test.callAnswered = answered;
  if (Object.keys(test).length > 0) ch.test = test;
  return Object.keys(ch).length > 1 ? ch : null;
}

/** The site step: keep the monitor's counts, or correct them with a reason. */
export function siteInput(values: FormValues): SaveChecklistInput {
  if (values.siteMode === 'monitor') return { side: 'confirmed', siteOverride: null };
  if (values.siteMode !== 'override') return { side: 'confirmed' };
  return {
    side: 'confirmed',
    siteOverride: {
      present: Number(values.sitePresent?.trim() || NaN),
      required: Number(values.siteRequired?.trim() || NaN),
      reason: values.siteReason ?? '',
    },
  };
}

const ITEM_FIELD = /^items\.[^.]+\.([^.]+)(?:\.(answer|comment|reason))?$/;
const CHANNEL_FIELD = /^channels\.([^.]+)(?:\.(listedReason|listed|test)(?:\.(\w+))?)?$/;
const SITE_FIELD: Record<string, string> = {
  siteOverride: 'siteMode',
  'siteOverride.present': 'sitePresent',
  'siteOverride.required': 'siteRequired',
  'siteOverride.reason': 'siteReason',
};

/** The form field that shows the message of a service issue at `path`. */
export function formField(path: string, linkKeys: readonly string[] = []): string {
  const item = ITEM_FIELD.exec(path);
  if (item) return `${item[2] ?? 'answer'}.${item[1]}`;
  const ch = CHANNEL_FIELD.exec(path);
  if (ch) {
    if (ch[2] === 'test') return `${ch[3] ?? 'callDate'}.${ch[1]}`;
    return `${ch[2] === 'listedReason' ? 'listedReason' : 'listed'}.${ch[1]}`;
  }
  const evidence = /^evidence\.[^.]+\.([^.]+)$/.exec(path);
  if (evidence) return `file.${evidence[1]}`;
  const link = /^links\.(\d+)/.exec(path);
  if (link) return `link.${linkKeys[Number(link[1])] ?? ''}`;
  return SITE_FIELD[path] ?? path;
}

/** Every text field of a form except `_csrf` and `intent`. */
export function formStrings(form: FormData): FormValues {
  const out: FormValues = {};
  for (const [k, v] of form)
    if (typeof v === 'string' && k !== '_csrf' && k !== 'intent') out[k] = v;
  return out;
}
