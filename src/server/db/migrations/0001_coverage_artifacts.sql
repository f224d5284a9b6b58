CREATE TABLE "coverage_artifacts" (
	"id" bigint PRIMARY KEY NOT NULL,
	"repo_id" bigint NOT NULL,
	"run_id" bigint NOT NULL,
	"head_sha" text NOT NULL,
	"name" text NOT NULL,
	"size_in_bytes" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"format" text,
	"pct" double precision,
	"skipped_reason" text
);
--> statement-breakpoint
CREATE INDEX "coverage_artifacts_repo_sha" ON "coverage_artifacts" USING btree ("repo_id","head_sha");