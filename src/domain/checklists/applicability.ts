// Which items of a list apply to an organization. Two kinds of exclusion (checklists.md):
// - by kind, fixed: catering is checked in schools only — other kinds never see the item;
// - by a registry fact, a default: no paid services → item 10 is «не применимо» with the reason
//   recorded, but the expert may answer otherwise (the registry can be out of date).
import type { OrganizationKind } from '../scoring/input.ts';
import type { ItemAnswer } from './answers.ts';
import type { ChecklistItemDef } from './catalogue.ts';

/** What the checklist knows of the organization: its kind and the registry's applicability facts. */
export interface OrganizationFacts {
  kind: OrganizationKind;
  facts: Readonly<Record<string, unknown>>;
}

/** False when the item is not for organizations of this kind at all. */
export function appliesToKind(item: ChecklistItemDef, kind: OrganizationKind): boolean {
  return !item.kinds || item.kinds.includes(kind);
}

/**
 * The registry's default answer: «не применимо» with the rule's reason when a fact the item depends
 * on is explicitly false; null when the registry says nothing (unknown facts never exclude).
 */
export function defaultAnswer(item: ChecklistItemDef, org: OrganizationFacts): ItemAnswer | null {
  if (!appliesToKind(item, org.kind)) return null;
  for (const rule of item.facts ?? []) {
    if (rule.kinds && !rule.kinds.includes(org.kind)) continue;
    if (org.facts[rule.fact] === false) return { answer: 'na', comment: null, reason: rule.reason };
  }
  return null;
}

/** Items of a list that apply to the organization's kind, in catalogue order. */
export function applicableItems(
  items: readonly ChecklistItemDef[],
  kind: OrganizationKind,
): ChecklistItemDef[] {
  return items.filter((i) => appliesToKind(i, kind));
}
