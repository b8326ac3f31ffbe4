CREATE TABLE "territories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "territories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"timezone" text DEFAULT 'Europe/Moscow' NOT NULL,
	"oktmo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "territories_code_unique" UNIQUE("code"),
	CONSTRAINT "territories_kind_check" CHECK ("territories"."kind" in ('region', 'municipality')),
	CONSTRAINT "territories_parent_check" CHECK (("territories"."kind" = 'region') = ("territories"."parent_id" is null)),
	CONSTRAINT "territories_oktmo_check" CHECK ("territories"."oktmo" ~ '^[0-9]{8}([0-9]{3})?$')
);
--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "authorities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"level" text NOT NULL,
	"territory_id" integer NOT NULL,
	"inn" text,
	"email" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authorities_code_unique" UNIQUE("code"),
	CONSTRAINT "authorities_level_check" CHECK ("authorities"."level" in ('regional', 'municipal')),
	CONSTRAINT "authorities_inn_check" CHECK ("authorities"."inn" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"inn" text NOT NULL,
	"ogrn" text,
	"kpp" text,
	"kind" text NOT NULL,
	"short_name" text NOT NULL,
	"full_name" text NOT NULL,
	"municipality_id" integer NOT NULL,
	"founder_id" integer,
	"address" text,
	"website" text,
	"email" text,
	"phone" text,
	"contingent" integer DEFAULT 0 NOT NULL,
	"head_name" text,
	"head_position" text,
	"last_assessed_year" integer,
	"applicability" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_at" timestamp with time zone,
	"deactivation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_code_unique" UNIQUE("code"),
	CONSTRAINT "organizations_inn_unique" UNIQUE("inn"),
	CONSTRAINT "organizations_kind_check" CHECK ("organizations"."kind" in ('preschool', 'school', 'vocational', 'additional')),
	CONSTRAINT "organizations_inn_check" CHECK ("organizations"."inn" ~ '^[0-9]{10}$'),
	CONSTRAINT "organizations_ogrn_check" CHECK ("organizations"."ogrn" ~ '^[0-9]{13}$'),
	CONSTRAINT "organizations_kpp_check" CHECK ("organizations"."kpp" ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
	CONSTRAINT "organizations_contingent_check" CHECK ("organizations"."contingent" >= 0),
	CONSTRAINT "organizations_last_assessed_year_check" CHECK ("organizations"."last_assessed_year" between 2000 and 2100),
	CONSTRAINT "organizations_deactivated_check" CHECK ("organizations"."active" = ("organizations"."deactivated_at" is null))
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"success" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent_hash" text,
	"ip_hash" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text,
	"role" text NOT NULL,
	"territory_id" integer,
	"authority_id" integer,
	"organization_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('regional_admin', 'municipal', 'operator', 'expert', 'council', 'organization')),
	CONSTRAINT "users_email_lower_check" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_municipal_scope_check" CHECK ("users"."role" <> 'municipal' or "users"."territory_id" is not null),
	CONSTRAINT "users_organization_scope_check" CHECK ("users"."role" <> 'organization' or "users"."organization_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea",
	"storage_path" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_size_check" CHECK ("files"."size" >= 0),
	CONSTRAINT "files_sha256_check" CHECK ("files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "files_storage_check" CHECK (("files"."data" is null) <> ("files"."storage_path" is null))
);
--> statement-breakpoint
CREATE TABLE "campaign_organizations" (
	"campaign_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"reason" text,
	"survey_code" text,
	"added_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_organizations_campaign_id_organization_id_pk" PRIMARY KEY("campaign_id","organization_id"),
	CONSTRAINT "campaign_organizations_survey_code_unique" UNIQUE("survey_code"),
	CONSTRAINT "campaign_organizations_status_check" CHECK ("campaign_organizations"."status" in ('proposed', 'included', 'excluded'))
);
--> statement-breakpoint
CREATE TABLE "campaign_stages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_stages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"completed_at" timestamp with time zone,
	CONSTRAINT "campaign_stages_campaign_key_unique" UNIQUE("campaign_id","key"),
	CONSTRAINT "campaign_stages_key_check" CHECK ("campaign_stages"."key" in ('list_approval', 'terms_of_reference', 'data_collection', 'calculation', 'report', 'council_discussion', 'publication', 'improvement_plans')),
	CONSTRAINT "campaign_stages_dates_check" CHECK ("campaign_stages"."planned_end" >= "campaign_stages"."planned_start")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"territory_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"methodology" jsonb NOT NULL,
	"methodology_frozen_at" timestamp with time zone,
	"council_decision_number" text,
	"council_decision_date" date,
	"protocol_file_id" integer,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'list_approved', 'collecting', 'calculating', 'reporting', 'discussion', 'published', 'closed')),
	CONSTRAINT "campaigns_year_check" CHECK ("campaigns"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "territories" ADD CONSTRAINT "territories_parent_id_territories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorities" ADD CONSTRAINT "authorities_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_municipality_id_territories_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_founder_id_authorities_id_fk" FOREIGN KEY ("founder_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_organizations" ADD CONSTRAINT "campaign_organizations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_organizations" ADD CONSTRAINT "campaign_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_organizations" ADD CONSTRAINT "campaign_organizations_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_stages" ADD CONSTRAINT "campaign_stages_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_protocol_file_id_files_id_fk" FOREIGN KEY ("protocol_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "territories_parent_id_idx" ON "territories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "authorities_territory_id_idx" ON "authorities" USING btree ("territory_id");--> statement-breakpoint
CREATE INDEX "organizations_short_name_lower_idx" ON "organizations" USING btree (lower("short_name"));--> statement-breakpoint
CREATE INDEX "organizations_kind_idx" ON "organizations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "organizations_municipality_id_idx" ON "organizations" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "organizations_founder_id_idx" ON "organizations" USING btree ("founder_id");--> statement-breakpoint
CREATE INDEX "login_attempts_key_at_idx" ON "login_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "users_organization_id_idx" ON "users" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "campaign_organizations_organization_id_idx" ON "campaign_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "campaigns_territory_year_idx" ON "campaigns" USING btree ("territory_id","year");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_user_id_idx" ON "audit_log" USING btree ("actor_user_id");