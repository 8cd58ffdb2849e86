CREATE TABLE "dispatch_agreement_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatch_agreement_files_size_ck" CHECK ("dispatch_agreement_files"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "dispatch_agreement_files" ADD CONSTRAINT "dispatch_agreement_files_dispatch_fk" FOREIGN KEY ("dispatch_id","county_id") REFERENCES "public"."commissioner_dispatches"("id","county_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatch_agreement_files_dispatch_idx" ON "dispatch_agreement_files" USING btree ("county_id","dispatch_id");