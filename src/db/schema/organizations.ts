// Educational organizations of the region: the objects of the assessment. Never hard-deleted:
// campaigns, results and plans keep pointing at them; a closed organization is deactivated.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { authorities } from './authorities.ts';
import { createdAt, oneOf, updatedAt } from './columns.ts';
import { territories } from './territories.ts';

export const ORGANIZATION_KINDS = ['preschool', 'school', 'vocational', 'additional'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/**
 * Facts about an organization that decide which `if_applicable` site and stand items apply
 * (site-requirements.json). Open-ended on purpose: catalogues add facts between years.
 */
export interface OrganizationApplicability {
  hasPaidServices?: boolean;
  hasBranches?: boolean;
  hasDormitory?: boolean;
  providesCatering?: boolean;
  /** Extra stand items required of this organization (catalogue item keys). */
  extraStandItems?: string[];
  [fact: string]: boolean | string | string[] | number | undefined;
}

export const organizations = pgTable(
  'organizations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Stable code: matches import rows that carry no INN, and survives INN corrections. */
    code: text().notNull().unique(),
    inn: text().notNull().unique(),
    ogrn: text(),
    kpp: text(),
    kind: text({ enum: ORGANIZATION_KINDS }).notNull(),
    shortName: text().notNull(),
    fullName: text().notNull(),
    municipalityId: integer()
      .notNull()
      .references(() => territories.id),
    founderId: integer().references(() => authorities.id),
    address: text(),
    website: text(),
    email: text(),
    phone: text(),
    /** Number of students: drives the required survey sample (methodology.md "Sample"). */
    contingent: integer().notNull().default(0),
    headName: text(),
    headPosition: text(),
    /** Year of the last assessment before noko (imported history for the 3-year rule). */
    lastAssessedYear: integer(),
    applicability: jsonb().$type<OrganizationApplicability>().notNull().default({}),
    active: boolean().notNull().default(true),
    deactivatedAt: timestamp({ withTimezone: true }),
    deactivationReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('organizations_kind_check', oneOf(t.kind, ORGANIZATION_KINDS)),
    check('organizations_inn_check', sql`${t.inn} ~ '^[0-9]{10}$'`),
    check('organizations_ogrn_check', sql`${t.ogrn} ~ '^[0-9]{13}$'`),
    check('organizations_kpp_check', sql`${t.kpp} ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'`),
    check('organizations_contingent_check', sql`${t.contingent} >= 0`),
    check(
      'organizations_last_assessed_year_check',
      sql`${t.lastAssessedYear} between 2000 and 2100`,
    ),
    // Deactivation is recorded with its time; reactivation clears it.
    check('organizations_deactivated_check', sql`${t.active} = (${t.deactivatedAt} is null)`),
    index('organizations_short_name_lower_idx').on(sql`lower(${t.shortName})`),
    index('organizations_kind_idx').on(t.kind),
    index('organizations_municipality_id_idx').on(t.municipalityId),
    index('organizations_founder_id_idx').on(t.founderId),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
