// Territories: the region and its municipalities (municipal districts and city districts).
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, oneOf } from './columns.ts';

export const TERRITORY_KINDS = ['region', 'municipality'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

export const territories = pgTable(
  'territories',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Stable code used by imports and URLs; never reused. */
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text({ enum: TERRITORY_KINDS }).notNull(),
    parentId: integer().references((): AnyPgColumn => territories.id),
    /** IANA zone: deadlines ("by the end of the 15th") are computed in local time. */
    timezone: text().notNull().default('Europe/Moscow'),
    oktmo: text(),
    createdAt: createdAt(),
  },
  (t) => [
    check('territories_kind_check', oneOf(t.kind, TERRITORY_KINDS)),
    // A region is the root; every municipality belongs to a region.
    check('territories_parent_check', sql`(${t.kind} = 'region') = (${t.parentId} is null)`),
    check('territories_oktmo_check', sql`${t.oktmo} ~ '^[0-9]{8}([0-9]{3})?$'`),
    index('territories_parent_id_idx').on(t.parentId),
  ],
);

export type Territory = typeof territories.$inferSelect;
export type NewTerritory = typeof territories.$inferInsert;
