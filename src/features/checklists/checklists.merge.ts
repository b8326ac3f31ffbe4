// A partial save applied to the stored rows: only what the input names changes, so saving the
// same section twice changes nothing the second time (no write, no audit entry). Everything is
// validated before anything is written; a refused save names each field in Russian.
import {
  answerIssues,
  appliesToKind,
  cleanText,
  EMPTY_TEST,
  findItem,
  itemId,
  itemTitle,
  normalizeAnswer,
  testIssues,
  workingFromTest,
  ANSWER_TITLES,
  type ChannelTest,
  type ChecklistCatalogues,
  type ChecklistItemDef,
  type ChecklistState,
  type ItemAnswer,
  type OrganizationFacts,
  type Side,
} from '../../domain/checklists/index.ts';
import { AppError, type FieldIssue } from '../../domain/errors.ts';
import type {
  ChecklistChannelTestRow,
  ChecklistItemRow,
  NewChecklistItemRow,
} from '../../db/schema/index.ts';
import type { ChannelInput, ItemInput } from './checklists.schema.ts';
import type { SiteFeedEntry } from './site-feed.ts';

export interface MergeContext {
  catalogues: ChecklistCatalogues;
  org: OrganizationFacts;
  side: Side;
  checklistId: number;
  /** YYYY-MM-DD in the region's time zone. */
  today: string;
  now: Date;
  userId: number | null;
  monitor: SiteFeedEntry | null;
}

export interface MergeInput {
  items: ItemInput[];
  channels: ChannelInput[];
}

export type TestRow = Omit<ChecklistChannelTestRow, 'recordedAt'> & { recordedAt?: Date };

export interface MergeResult {
  items: NewChecklistItemRow[];
  tests: TestRow[];
  /** Audit snapshots of what changed, keyed `section:key`. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

type Row = NewChecklistItemRow & { section: ChecklistItemRow['section'] };

function emptyRow(checklistId: number, section: Row['section'], itemKey: string): Row {
  return {
    checklistId,
    section,
    itemKey,
    declaredAnswer: null,
    declaredComment: null,
    declaredReason: null,
    declaredById: null,
    declaredAt: null,
    confirmedAnswer: null,
    confirmedComment: null,
    confirmedReason: null,
    confirmedById: null,
    confirmedAt: null,
    listed: null,
    listedMonitor: null,
    listedReason: null,
  };
}

export function sideAnswer(
  row: Pick<Row, `${Side}Answer` | `${Side}Comment` | `${Side}Reason`>,
  side: Side,
): ItemAnswer {
  return side === 'declared'
    ? {
        answer: row.declaredAnswer ?? null,
        comment: row.declaredComment ?? null,
        reason: row.declaredReason ?? null,
      }
    : {
        answer: row.confirmedAnswer ?? null,
        comment: row.confirmedComment ?? null,
        reason: row.confirmedReason ?? null,
      };
}

function setSide(row: Row, side: Side, a: ItemAnswer, userId: number | null, now: Date): void {
  if (side === 'declared') {
    Object.assign(row, {
      declaredAnswer: a.answer,
      declaredComment: a.comment,
      declaredReason: a.reason,
      declaredById: userId,
      declaredAt: now,
    });
  } else {
    Object.assign(row, {
      confirmedAnswer: a.answer,
      confirmedComment: a.comment,
      confirmedReason: a.reason,
      confirmedById: userId,
      confirmedAt: now,
    });
  }
}

const sameAnswer = (a: ItemAnswer, b: ItemAnswer) =>
  a.answer === b.answer && a.comment === b.comment && a.reason === b.reason;

/** What the audit log keeps of an item. */
function snapshot(row: Row | undefined) {
  if (!row) return null;
  return {
    declared: sideAnswer(row, 'declared'),
    confirmed: sideAnswer(row, 'confirmed'),
    ...(row.section === 'remoteChannels'
      ? {
          listed: row.listed ?? null,
          listedMonitor: row.listedMonitor ?? null,
          listedReason: row.listedReason ?? null,
        }
      : {}),
  };
}

export function testOf(row: TestRow | undefined): ChannelTest {
  if (!row) return EMPTY_TEST;
  return {
    callDate: row.callDate,
    callTime: row.callTime,
    callAnswered: row.callAnswered,
    letterSentOn: row.letterSentOn,
    letterAnsweredOn: row.letterAnsweredOn,
    note: row.note,
  };
}

/** Both sides' answers of the stored rows in the domain's shape. */
export function stateFromRows(rows: readonly ChecklistItemRow[]): ChecklistState {
  return new Map(
    rows.map((r) => [
      itemId(r.section, r.itemKey),
      {
        declared: sideAnswer(r, 'declared'),
        confirmed: sideAnswer(r, 'confirmed'),
        listed: r.listed,
      },
    ]),
  );
}

const listedWord = (v: boolean) => (v ? 'указан' : 'не указан');

export function mergeSave(
  ctx: MergeContext,
  stored: readonly ChecklistItemRow[],
  storedTests: readonly ChecklistChannelTestRow[],
  input: MergeInput,
): MergeResult {
  const issues: FieldIssue[] = [];
  const original = new Map(stored.map((r) => [itemId(r.section, r.itemKey), r as Row]));
  const rows = new Map<string, Row>();
  const rowFor = (def: ChecklistItemDef, section: Row['section']): Row => {
    const id = itemId(section, def.key);
    let row = rows.get(id);
    if (!row) {
      const o = original.get(id);
      row = o ? { ...o } : emptyRow(ctx.checklistId, section, def.key);
      rows.set(id, row);
    }
    return row;
  };
  const lookup = (section: Row['section'], key: string, path: string) => {
    const def = findItem(ctx.catalogues, section, key);
    if (!def) issues.push({ path, message: `Пункта «${key}» нет в каталоге раздела` });
    else if (!appliesToKind(def, ctx.org.kind)) {
      issues.push({
        path,
        message: `Пункт № ${def.number} не проверяется у организаций этого вида`,
      });
      return undefined;
    }
    return def;
  };

  for (const item of input.items) {
    const path = `items.${item.section}.${item.key}`;
    const def = lookup(item.section, item.key, path);
    if (!def) continue;
    const title = itemTitle(def, ctx.org.kind);
    if (item.section === 'remoteChannels' && item.answer === 'na')
      issues.push({
        path: `${path}.answer`,
        message: `«${title}»: для дистанционного способа взаимодействия ответ — «есть» или «нет»`,
      });
    const row = rowFor(def, item.section);
    const prev = sideAnswer(row, ctx.side);
    const next = normalizeAnswer({
      answer: item.answer !== undefined ? item.answer : prev.answer,
      comment: item.comment !== undefined ? item.comment : prev.comment,
      reason: item.reason !== undefined ? item.reason : prev.reason,
    });
    issues.push(...answerIssues(next, path, title));
    if (!sameAnswer(prev, next)) setSide(row, ctx.side, next, ctx.userId, ctx.now);
  }

  const tests = new Map(storedTests.map((t) => [t.channel, t as TestRow]));
  const changedTests = new Set<string>();
  const touchedChannels = new Set<string>();
  for (const ch of input.channels) {
    const path = `channels.${ch.key}`;
    if (ctx.side !== 'confirmed') {
      issues.push({ path, message: 'Размещение на сайте и работу каналов проверяет эксперт' });
      continue;
    }
    const def = lookup('remoteChannels', ch.key, path);
    if (!def) continue;
    touchedChannels.add(ch.key);
    const row = rowFor(def, 'remoteChannels');
    if (ch.listed !== undefined || ch.listedReason !== undefined) {
      const monitor = ctx.monitor ? (ctx.monitor.channels[ch.key] ?? false) : undefined;
      const listed = ch.listed !== undefined ? ch.listed : (row.listed ?? null);
      const monitorValue = typeof monitor === 'boolean' ? monitor : (row.listedMonitor ?? null);
      const agrees = listed === null || monitorValue === null || listed === monitorValue;
      const reason = agrees
        ? null
        : cleanText(ch.listedReason !== undefined ? ch.listedReason : row.listedReason);
      if (!agrees && !reason)
        issues.push({
          path: `${path}.listedReason`,
          message: `«${def.title}»: по данным мониторинга сайта канал ${listedWord(monitorValue!)} на сайте — укажите причину исправления`,
        });
      Object.assign(row, { listed, listedMonitor: monitorValue, listedReason: reason });
    }
    if (ch.test) {
      if (!def.test) {
        issues.push({
          path: `${path}.test`,
          message: `«${def.title}»: журнал проверки для этого канала не ведётся`,
        });
        continue;
      }
      const prev = testOf(tests.get(ch.key));
      const t = ch.test;
      const pick = <K extends keyof ChannelTest>(k: K): ChannelTest[K] => {
        const v = t[k];
        if (v === undefined) return prev[k];
        return (typeof v === 'string' ? cleanText(v) : v) as ChannelTest[K];
      };
      const next: ChannelTest = {
        callDate: pick('callDate'),
        callTime: pick('callTime'),
        callAnswered: pick('callAnswered'),
        letterSentOn: pick('letterSentOn'),
        letterAnsweredOn: pick('letterAnsweredOn'),
        note: pick('note'),
      };
      issues.push(...testIssues(next, ctx.today, `${path}.test`));
      if (JSON.stringify(next) !== JSON.stringify(prev)) {
        tests.set(ch.key, {
          checklistId: ctx.checklistId,
          channel: ch.key,
          ...next,
          recordedById: ctx.userId,
          recordedAt: ctx.now,
        });
        changedTests.add(ch.key);
      }
    }
  }

  // The test log suggests the answer; an answer against it needs a comment (checklists.md 1.2).
  if (ctx.side === 'confirmed') {
    const channelItems = new Set([
      ...touchedChannels,
      ...input.items.filter((i) => i.section === 'remoteChannels').map((i) => i.key),
    ]);
    for (const key of channelItems) {
      const def = findItem(ctx.catalogues, 'remoteChannels', key);
      if (!def?.test) continue;
      const derived = workingFromTest(def.test, testOf(tests.get(key)), ctx.today);
      if (derived === null) continue;
      const row = rowFor(def, 'remoteChannels');
      const a = sideAnswer(row, 'confirmed');
      if (a.answer === null)
        setSide(row, 'confirmed', { ...a, answer: derived }, ctx.userId, ctx.now);
      else if (a.answer !== derived && !a.comment)
        issues.push({
          path: `items.remoteChannels.${key}.comment`,
          message: `«${def.title}»: по журналу проверки канал ${derived === 'yes' ? 'работает' : 'не работает'}, а ответ — «${ANSWER_TITLES[a.answer]}»: поясните в комментарии`,
        });
    }
  }

  if (issues.length > 0)
    throw AppError.validation(
      issues.length === 1
        ? issues[0]!.message
        : `Не сохранено, исправьте: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );

  const result: MergeResult = { items: [], tests: [], before: {}, after: {} };
  for (const [id, row] of rows) {
    const before = snapshot(original.get(id));
    const after = snapshot(row);
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    result.items.push(row);
    result.before[id] = before;
    result.after[id] = after;
  }
  for (const key of changedTests) {
    const t = tests.get(key)!;
    result.tests.push(t);
    result.before[`test:${key}`] = storedTests.find((s) => s.channel === key)
      ? testOf(storedTests.find((s) => s.channel === key))
      : null;
    result.after[`test:${key}`] = testOf(t);
  }
  return result;
}
