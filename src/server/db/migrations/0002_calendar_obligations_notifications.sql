CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"workday" boolean NOT NULL,
	"holiday" text,
	"makeup" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"periods" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"notification_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_reads_notification_id_account_id_pk" PRIMARY KEY("notification_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obligation_rule_settings" (
	"rule_id" text PRIMARY KEY NOT NULL,
	"deadline" text,
	"warn_ratio" real,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid,
	"deadline" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"base_due_at" timestamp with time zone NOT NULL,
	"extended_due_at" timestamp with time zone,
	"due_at" timestamp with time zone NOT NULL,
	"warn_at" timestamp with time zone NOT NULL,
	"warn_ratio" real NOT NULL,
	"state" text NOT NULL,
	"warned_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"paused_ms" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unit_idx" ON "notifications" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "obligations_subject_idx" ON "obligations" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "obligations_unit_state_idx" ON "obligations" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "obligations_running_due_idx" ON "obligations" USING btree ("due_at") WHERE "obligations"."state" = 'running';--> statement-breakpoint
CREATE INDEX "obligations_running_warn_idx" ON "obligations" USING btree ("warn_at") WHERE "obligations"."state" = 'running' AND "obligations"."warned_at" IS NULL;--> statement-breakpoint
CREATE INDEX "obligations_rule_started_idx" ON "obligations" USING btree ("rule_id","started_at");