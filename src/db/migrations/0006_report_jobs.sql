CREATE TABLE "report_job_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid,
	"job_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid,
	"plan_id" uuid,
	"scope" text NOT NULL,
	"municipality" text,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text,
	"error" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_jobs_status_ck" CHECK ("report_jobs"."status" in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "report_jobs_kind_ck" CHECK ("report_jobs"."kind" in ('annual', 'midterm', 'final')),
	CONSTRAINT "report_jobs_scope_ck" CHECK ("report_jobs"."scope" in ('plan', 'municipal')),
	CONSTRAINT "report_jobs_progress_ck" CHECK ("report_jobs"."progress" between 0 and 100),
	CONSTRAINT "report_jobs_owner_ck" CHECK (("report_jobs"."scope" = 'municipal') = ("report_jobs"."county_id" is null))
);
--> statement-breakpoint
ALTER TABLE "report_job_files" ADD CONSTRAINT "report_job_files_job_id_report_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."report_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_jobs" ADD CONSTRAINT "report_jobs_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_jobs" ADD CONSTRAINT "report_jobs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_job_files_job_idx" ON "report_job_files" USING btree ("county_id","job_id");--> statement-breakpoint
CREATE INDEX "report_jobs_county_idx" ON "report_jobs" USING btree ("county_id","created_at");--> statement-breakpoint
CREATE INDEX "report_jobs_status_idx" ON "report_jobs" USING btree ("status","updated_at");