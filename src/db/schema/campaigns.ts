// Campaigns: one assessment cycle of a region (list of organizations, stages, methodology).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, oneOf, updatedAt } from './columns.ts';
import { files } from './files.ts';
import { organizations } from './organizations.ts';
import { territories } from './territories.ts';
import { users } from './users.ts';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../domain/campaigns/workflow.ts';
import { STAGE_KEYS, type StageKey } from '../../domain/campaigns/stages.ts';

// Statuses and stage keys are defined once, by the domain rules that move a campaign through them.
export { CAMPAIGN_STATUSES, type CampaignStatus };

export const CAMPAIGN_ORGANIZATION_STATUSES = ['proposed', 'included', 'excluded'] as const;
export type CampaignOrganizationStatus = (typeof CAMPAIGN_ORGANIZATION_STATUSES)[number];

export const CAMPAIGN_STAGE_KEYS = STAGE_KEYS;
export type CampaignStageKey = StageKey;

/**
 * The methodology version as stored (ADR 0005). A structural copy of the scoring engine's
 * MethodologyVersion: the schema must not import the domain (drizzle-kit loads it alone), and a
 * stored value outlives code changes anyway — readers validate it before scoring.
 */
export interface StoredMethodology {
  denominators: 'filter' | 'total';
  zeroDenominator: 'exclude' | 'zero';
  /** Required sample `min(cap, ceil(share × contingent))`; share is a decimal string ("0.40"). */
  sample: { share: string; cap: number };
  bands: readonly { label: string; above: number | null }[];
  catalogues: {
    stand: string;
    site: string;
    remoteChannels: string;
    comfort: string;
    premises: string;
    services: string;
  };
}

export const campaigns = pgTable(
  'campaigns',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    title: text().notNull(),
    year: integer().notNull(),
    /** The region the campaign assesses. */
    territoryId: integer()
      .notNull()
      .references(() => territories.id),
    status: text({ enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    methodology: jsonb().$type<StoredMethodology>().notNull(),
    /** Set when data collection starts; the methodology may not change afterwards. */
    methodologyFrozenAt: timestamp({ withTimezone: true }),
    councilDecisionNumber: text(),
    councilDecisionDate: date({ mode: 'string' }),
    protocolFileId: integer().references(() => files.id),
    createdById: integer().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('campaigns_status_check', oneOf(t.status, CAMPAIGN_STATUSES)),
    check('campaigns_year_check', sql`${t.year} between 2000 and 2100`),
    index('campaigns_territory_year_idx').on(t.territoryId, t.year),
  ],
);

export const campaignOrganizations = pgTable(
  'campaign_organizations',
  {
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    status: text({ enum: CAMPAIGN_ORGANIZATION_STATUSES }).notNull().default('proposed'),
    /** Must be assessed this year: three years have passed since the last assessment. */
    mandatory: boolean().notNull().default(false),
    reason: text(),
    /** Short code printed on survey invitations; unique across campaigns. */
    surveyCode: text().unique('campaign_organizations_survey_code_unique'),
    addedById: integer().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.organizationId] }),
    check('campaign_organizations_status_check', oneOf(t.status, CAMPAIGN_ORGANIZATION_STATUSES)),
    index('campaign_organizations_organization_id_idx').on(t.organizationId),
  ],
);

export const campaignStages = pgTable(
  'campaign_stages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    key: text({ enum: CAMPAIGN_STAGE_KEYS }).notNull(),
    title: text().notNull(),
    plannedStart: date({ mode: 'string' }),
    plannedEnd: date({ mode: 'string' }),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique('campaign_stages_campaign_key_unique').on(t.campaignId, t.key),
    check('campaign_stages_key_check', oneOf(t.key, CAMPAIGN_STAGE_KEYS)),
    check('campaign_stages_dates_check', sql`${t.plannedEnd} >= ${t.plannedStart}`),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
export type CampaignOrganization = typeof campaignOrganizations.$inferSelect;
export type NewCampaignOrganization = typeof campaignOrganizations.$inferInsert;
export type CampaignStage = typeof campaignStages.$inferSelect;
export type NewCampaignStage = typeof campaignStages.$inferInsert;
