CREATE TABLE "plan_document_blocks" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"blocks" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_document_blocks" ADD CONSTRAINT "plan_document_blocks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;