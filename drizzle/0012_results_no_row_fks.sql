ALTER TABLE "result_organizations" DROP CONSTRAINT "result_organizations_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "result_organizations" DROP CONSTRAINT "result_organizations_municipality_id_territories_id_fk";
