// The checklist as the pages and the API show it: every applicable item of every list with both
// sides' answers, the channel findings and test log, evidence, counts and differences.
import {
  appliesToKind,
  CHECKLIST_SECTIONS,
  defaultAnswer,
  differences,
  evaluateChecklist,
  itemId,
  itemTitle,
  letterDeadline,
  workingFromTest,
  type ChecklistCatalogues,
  type ChecklistListStatus,
  type OrganizationFacts,
  type Side,
} from '../../domain/checklists/index.ts';
import type {
  Checklist,
  ChecklistChannelTestRow,
  ChecklistItemRow,
} from '../../db/schema/index.ts';
import { sideAnswer, stateFromRows, testOf } from './checklists.merge.ts';
import type { CampaignOrganizationRow } from './checklists.repo.ts';
import type {
  AnswerView,
  ChecklistView,
  EvidenceView,
  ItemView,
  SectionView,
} from './checklists.schema.ts';
import type { SiteFeedEntry } from './site-feed.ts';

export interface ViewSource {
  campaign: { id: number; title: string; status: string; open: boolean };
  org: CampaignOrganizationRow;
  checklist: Checklist | null;
  items: {
    item: ChecklistItemRow;
    declaredByName: string | null;
    confirmedByName: string | null;
  }[];
  tests: ChecklistChannelTestRow[];
  evidence: {
    id: number;
    section: string;
    itemKey: string;
    side: Side;
    url: string | null;
    fileId: number | null;
    name: string | null;
    mime: string | null;
    size: number | null;
    createdAt: Date;
    byName: string | null;
  }[];
  feed: SiteFeedEntry | null;
  catalogues: ChecklistCatalogues;
  today: string;
  names: { siteOverride: string | null; confirmedBy: string | null };
  may: { declare: boolean; confirm: boolean };
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

function answerView(
  row: ChecklistItemRow | undefined,
  side: Side,
  byName: string | null,
): AnswerView {
  const a = row ? sideAnswer(row, side) : { answer: null, comment: null, reason: null };
  const at = row ? (side === 'declared' ? row.declaredAt : row.confirmedAt) : null;
  return { ...a, at: iso(at), byName: a.answer || a.comment ? byName : null };
}

export function evidenceHref(e: { id: number; url: string | null }): string {
  return e.url ?? `/api/v1/checklist-evidence/${e.id}`;
}

export function buildView(src: ViewSource): ChecklistView {
  const { catalogues, checklist } = src;
  const facts: OrganizationFacts = { kind: src.org.kind, facts: src.org.applicability };
  const status: ChecklistListStatus = checklist?.status ?? 'not_started';
  const showConfirmed = src.may.confirm || status === 'confirmed';
  const rows = new Map(src.items.map((r) => [itemId(r.item.section, r.item.itemKey), r]));
  const tests = new Map(src.tests.map((t) => [t.channel, t]));
  const evidence = new Map<string, EvidenceView[]>();
  for (const e of src.evidence) {
    if (e.side === 'confirmed' && !showConfirmed) continue;
    const list = evidence.get(`${e.section}:${e.itemKey}`) ?? [];
    list.push({
      id: e.id,
      side: e.side,
      name: e.name,
      mime: e.mime,
      size: e.size,
      url: e.url,
      href: evidenceHref(e),
      createdAt: e.createdAt.toISOString(),
      byName: e.byName,
    });
    evidence.set(`${e.section}:${e.itemKey}`, list);
  }

  const sections: SectionView[] = CHECKLIST_SECTIONS.map((section) => {
    const cat = catalogues[section];
    const items: ItemView[] = [];
    const excluded: SectionView['excluded'] = [];
    for (const def of cat.items) {
      const title = itemTitle(def, facts.kind);
      if (!appliesToKind(def, facts.kind)) {
        excluded.push({
          number: def.number,
          title,
          reason: def.kindsReason ?? 'Не для этого вида организаций',
        });
        continue;
      }
      const id = itemId(section, def.key);
      const r = rows.get(id);
      const reg = defaultAnswer(def, facts);
      const test = testOf(tests.get(def.key));
      items.push({
        section,
        key: def.key,
        number: def.number,
        title,
        hint: def.hint ?? null,
        registryDefault: reg?.reason ? { reason: reg.reason } : null,
        declared: answerView(r?.item, 'declared', r?.declaredByName ?? null),
        confirmed: showConfirmed
          ? answerView(r?.item, 'confirmed', r?.confirmedByName ?? null)
          : null,
        channel:
          section === 'remoteChannels' && showConfirmed
            ? {
                listed: r?.item.listed ?? null,
                monitorListed: src.feed ? (src.feed.channels[def.key] ?? false) : null,
                listedMonitorAtDecision: r?.item.listedMonitor ?? null,
                listedReason: r?.item.listedReason ?? null,
                testKind: def.test ?? null,
                test,
                suggestedWorking: def.test ? workingFromTest(def.test, test, src.today) : null,
                letterDeadline: test.letterSentOn ? letterDeadline(test.letterSentOn) : null,
              }
            : null,
        evidence: evidence.get(id) ?? [],
      });
    }
    return {
      section,
      title: cat.title,
      indicator: cat.indicator,
      version: cat.version,
      basis: cat.basis,
      items,
      excluded,
    };
  });

  const state = stateFromRows(src.items.map((r) => r.item));
  const declared = evaluateChecklist(catalogues, facts, state, 'declared');
  const confirmed = evaluateChecklist(catalogues, facts, state, 'confirmed');
  const open = src.campaign.open;
  const c = checklist;
  return {
    campaign: src.campaign,
    organization: {
      id: src.org.id,
      shortName: src.org.shortName,
      fullName: src.org.fullName,
      kind: src.org.kind,
      municipalityName: src.org.municipalityName,
      website: src.org.website,
    },
    id: c?.id ?? null,
    status,
    updatedAt: iso(c?.updatedAt),
    selfReportedAt: iso(c?.selfReportedAt),
    confirmedAt: iso(c?.confirmedAt),
    confirmedByName: src.names.confirmedBy,
    sections,
    site: {
      monitor: src.feed?.site ? { checkedAt: src.feed.checkedAt, ...src.feed.site } : null,
      override:
        c && c.sitePresent !== null && c.siteRequired !== null && showConfirmed
          ? {
              present: c.sitePresent,
              required: c.siteRequired,
              reason: c.siteReason ?? '',
              at: iso(c.siteOverrideAt),
              byName: src.names.siteOverride,
            }
          : null,
    },
    declaredCounts: declared.counts,
    confirmedCounts: showConfirmed ? confirmed.counts : null,
    unanswered: showConfirmed ? confirmed.unanswered : [],
    unansweredDeclared: declared.unanswered,
    differences: showConfirmed ? differences(catalogues, facts, state) : [],
    access: {
      declare: open && src.may.declare && (status === 'not_started' || status === 'draft'),
      confirm: open && src.may.confirm && status !== 'confirmed',
      submit: open && src.may.declare && status === 'draft' && declared.unanswered.length === 0,
      complete:
        open && src.may.confirm && status === 'in_review' && confirmed.unanswered.length === 0,
      reopen: open && src.may.confirm && status === 'confirmed',
    },
    today: src.today,
  };
}
