CREATE TABLE "assessment_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"points" numeric(8, 2) NOT NULL,
	"rule_id" text NOT NULL,
	"reason" text NOT NULL,
	"automatic" text,
	"source_type" text,
	"source_id" uuid,
	"corrects" uuid,
	"approved_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_unit_id" uuid NOT NULL,
	"weights" jsonb NOT NULL,
	"minimum_cases" integer NOT NULL,
	"point_rules" jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rankings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_unit_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	"reason" text,
	"rows" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rankings_period_check" CHECK ("rankings"."period_kind" IN ('week', 'month', 'quarter'))
);
--> statement-breakpoint
ALTER TABLE "assessment_points" ADD CONSTRAINT "assessment_points_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_points" ADD CONSTRAINT "assessment_points_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_points" ADD CONSTRAINT "assessment_points_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_settings" ADD CONSTRAINT "assessment_settings_area_unit_id_org_units_id_fk" FOREIGN KEY ("area_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_settings" ADD CONSTRAINT "assessment_settings_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rankings" ADD CONSTRAINT "rankings_area_unit_id_org_units_id_fk" FOREIGN KEY ("area_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rankings" ADD CONSTRAINT "rankings_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_points_unit_idx" ON "assessment_points" USING btree ("unit_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_points_auto_uq" ON "assessment_points" USING btree ("automatic","source_type","source_id");--> statement-breakpoint
CREATE INDEX "assessment_settings_area_idx" ON "assessment_settings" USING btree ("area_unit_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "rankings_version_uq" ON "rankings" USING btree ("area_unit_id","subject","period_kind","period_from","version");