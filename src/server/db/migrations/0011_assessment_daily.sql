CREATE TABLE "assessment_daily" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sign_due" integer DEFAULT 0 NOT NULL,
	"sign_on_time" integer DEFAULT 0 NOT NULL,
	"finish_due" integer DEFAULT 0 NOT NULL,
	"finish_on_time" integer DEFAULT 0 NOT NULL,
	"sign_seconds" numeric DEFAULT '0' NOT NULL,
	"sign_met" integer DEFAULT 0 NOT NULL,
	"finish_seconds" numeric DEFAULT '0' NOT NULL,
	"finish_met" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"first_time" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"unsatisfied" integer DEFAULT 0 NOT NULL,
	"extended" integer DEFAULT 0 NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"returned_agreed" integer DEFAULT 0 NOT NULL,
	"returned_refused" integer DEFAULT 0 NOT NULL,
	"returned_pending" integer DEFAULT 0 NOT NULL,
	"breaches" integer DEFAULT 0 NOT NULL,
	"consultation_breaches" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assessment_daily_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "assessment_dirty_days" (
	"day" date PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_settled_days" (
	"day" date PRIMARY KEY NOT NULL,
	"settled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assessment_daily_day_idx" ON "assessment_daily" USING btree ("day");