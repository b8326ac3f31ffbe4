// Authorities: founders of organizations and education authorities (regional ministry,
// municipal education departments). They receive results and approve improvement plans.
import { boolean, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, oneOf, updatedAt } from './columns.ts';
import { territories } from './territories.ts';

export const AUTHORITY_LEVELS = ['regional', 'municipal'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

export const authorities = pgTable(
  'authorities',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull().unique(),
    name: text().notNull(),
    shortName: text().notNull(),
    level: text({ enum: AUTHORITY_LEVELS }).notNull(),
    territoryId: integer()
      .notNull()
      .references(() => territories.id),
    inn: text(),
    email: text(),
    phone: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('authorities_level_check', oneOf(t.level, AUTHORITY_LEVELS)),
    check('authorities_inn_check', sql`${t.inn} ~ '^[0-9]{10}$'`),
    index('authorities_territory_id_idx').on(t.territoryId),
  ],
);

export type Authority = typeof authorities.$inferSelect;
export type NewAuthority = typeof authorities.$inferInsert;
