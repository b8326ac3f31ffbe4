// How the audit pages show an entry: the time in the region's zone, actions and entities in
// Russian words, a link to the object, and only the fields that changed.
import type { AuditEntry } from '../../../db/schema/index.ts';
import {
  actionWords,
  diffFields,
  entityWords,
  type FieldChange,
} from '../../../features/dashboard/audit.schema.ts';
import { formatDateTime } from '../../components/format.ts';

export interface AuditRowView {
  id: number;
  at: string;
  actorLabel: string;
  actorUserId: number | null;
  action: string;
  actionTitle: string;
  entity: string;
  entityHref: string | null;
  changes: FieldChange[];
  requestId: string | null;
}

const LONG = 160;
const cut = (v: string | null) => (v !== null && v.length > LONG ? `${v.slice(0, LONG)}…` : v);

/** Where an entity is looked at, when there is a page for it. */
export function entityHref(type: string, id: string): string | null {
  if (!/^\d+$/.test(id)) return null;
  if (type === 'campaign') return `/campaigns/${id}`;
  if (type === 'organization') return `/registry/${id}`;
  if (type === 'user') return `/admin/users/${id}`;
  return null;
}

export function auditRowView(e: AuditEntry, timeZone: string, full = false): AuditRowView {
  const changes = diffFields(e.before, e.after);
  return {
    id: e.id,
    at: formatDateTime(e.at, timeZone),
    actorLabel: e.actorLabel,
    actorUserId: e.actorUserId,
    action: e.action,
    actionTitle: actionWords(e.action),
    entity: `${entityWords(e.entityType)} № ${e.entityId}`,
    entityHref: entityHref(e.entityType, e.entityId),
    changes: full
      ? changes
      : changes.map((c) => ({ ...c, before: cut(c.before), after: cut(c.after) })),
    requestId: e.requestId,
  };
}
