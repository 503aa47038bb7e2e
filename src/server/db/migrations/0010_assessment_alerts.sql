CREATE TABLE "assessment_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"head" jsonb,
	"reason" text NOT NULL,
	"rule_id" text NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"details" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closing_note" text,
	CONSTRAINT "assessment_alerts_kind_check" CHECK ("assessment_alerts"."kind" IN ('commendation', 'warning', 'interview', 'referral', 'key_case', 'trace'))
);
--> statement-breakpoint
ALTER TABLE "assessment_alerts" ADD CONSTRAINT "assessment_alerts_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_alerts" ADD CONSTRAINT "assessment_alerts_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_alerts" ADD CONSTRAINT "assessment_alerts_closed_by_accounts_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_alerts_kind_idx" ON "assessment_alerts" USING btree ("kind","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_alerts_source_uq" ON "assessment_alerts" USING btree ("kind","unit_id","source_type","source_id");