CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"municipality" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_boxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"items" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"seq" text NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"attribute" text,
	"baseline_year" integer,
	"baseline_value" double precision,
	"baseline_text" text,
	"target_year" integer,
	"target_value" double precision,
	"target_comparator" text,
	"target_text" text,
	"cumulative" boolean DEFAULT false NOT NULL,
	"annual_growth_rate" double precision,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_outline_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"level" integer NOT NULL,
	"label" text NOT NULL,
	"title" text NOT NULL,
	"line" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"seq" text NOT NULL,
	"category" text,
	"name" text NOT NULL,
	"lead_unit" text,
	"site" text,
	"nature" text,
	"content" text NOT NULL,
	"investment" numeric(16, 2),
	"start_year" integer,
	"end_year" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_warnings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"line" integer
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"title" text NOT NULL,
	"region" text,
	"period_start" integer,
	"period_end" integer,
	"issuer" text,
	"issued_on" text,
	"doc_number" text,
	"source_file_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"source_text" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_boxes" ADD CONSTRAINT "plan_boxes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outline_items" ADD CONSTRAINT "plan_outline_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_warnings" ADD CONSTRAINT "plan_warnings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_county_at_idx" ON "audit_log" USING btree ("county_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "counties_name_uq" ON "counties" USING btree ("name");--> statement-breakpoint
CREATE INDEX "plan_boxes_plan_idx" ON "plan_boxes" USING btree ("county_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_indicators_plan_idx" ON "plan_indicators" USING btree ("county_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_outline_plan_idx" ON "plan_outline_items" USING btree ("county_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_projects_plan_idx" ON "plan_projects" USING btree ("county_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_warnings_plan_idx" ON "plan_warnings" USING btree ("county_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_county_hash_uq" ON "plans" USING btree ("county_id","content_hash");--> statement-breakpoint
CREATE INDEX "plans_county_idx" ON "plans" USING btree ("county_id");