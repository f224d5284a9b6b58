CREATE TABLE "check_runs" (
	"id" bigint PRIMARY KEY NOT NULL,
	"repo_id" bigint NOT NULL,
	"head_sha" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"conclusion" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"output_title" text,
	"output_summary" text,
	"app_slug" text
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" bigint PRIMARY KEY NOT NULL,
	"repo_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"author_id" bigint,
	"kind" text NOT NULL,
	"review_id" bigint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commit_statuses" (
	"node_id" text PRIMARY KEY NOT NULL,
	"repo_id" bigint NOT NULL,
	"sha" text NOT NULL,
	"context" text NOT NULL,
	"state" text NOT NULL,
	"description" text,
	"target_url" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commits" (
	"repo_id" bigint NOT NULL,
	"sha" text NOT NULL,
	"authored_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"author_id" bigint,
	"message_headline" text NOT NULL,
	"parent_shas" text[],
	"on_default_branch" boolean DEFAULT false NOT NULL,
	CONSTRAINT "commits_repo_id_sha_pk" PRIMARY KEY("repo_id","sha")
);
--> statement-breakpoint
CREATE TABLE "deployment_statuses" (
	"id" bigint PRIMARY KEY NOT NULL,
	"deployment_id" bigint NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" bigint PRIMARY KEY NOT NULL,
	"repo_id" bigint NOT NULL,
	"sha" text NOT NULL,
	"ref" text NOT NULL,
	"task" text NOT NULL,
	"environment" text NOT NULL,
	"creator_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigint PRIMARY KEY NOT NULL,
	"repo_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"labels" text[] NOT NULL,
	"author_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pull_request_commits" (
	"pull_request_id" bigint NOT NULL,
	"sha" text NOT NULL,
	CONSTRAINT "pull_request_commits_pull_request_id_sha_pk" PRIMARY KEY("pull_request_id","sha")
);
--> statement-breakpoint
CREATE TABLE "pull_request_events" (
	"node_id" text PRIMARY KEY NOT NULL,
	"pull_request_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"actor_id" bigint,
	"requested_reviewer_id" bigint,
	"requested_team" text
);
--> statement-breakpoint
CREATE TABLE "pull_request_labels" (
	"pull_request_id" bigint NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "pull_request_labels_pull_request_id_name_pk" PRIMARY KEY("pull_request_id","name")
);
--> statement-breakpoint
CREATE TABLE "pull_requests" (
	"id" bigint PRIMARY KEY NOT NULL,
	"node_id" text NOT NULL,
	"repo_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"is_draft" boolean NOT NULL,
	"author_id" bigint,
	"head_ref" text NOT NULL,
	"base_ref" text NOT NULL,
	"head_repo_full_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"merged_at" timestamp with time zone,
	"merged_by_id" bigint,
	"merge_commit_sha" text,
	"additions" integer NOT NULL,
	"deletions" integer NOT NULL,
	"changed_files" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" bigint PRIMARY KEY NOT NULL,
	"repo_id" bigint NOT NULL,
	"tag_name" text NOT NULL,
	"name" text,
	"target_commitish" text NOT NULL,
	"is_draft" boolean NOT NULL,
	"is_prerelease" boolean NOT NULL,
	"author_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "repositories" (
	"id" bigint PRIMARY KEY NOT NULL,
	"node_id" text NOT NULL,
	"owner" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"default_branch" text NOT NULL,
	"is_archived" boolean DEFAULT false NOT NULL,
	"is_private" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repository_labels" (
	"repo_id" bigint NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "repository_labels_repo_id_name_pk" PRIMARY KEY("repo_id","name")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" bigint PRIMARY KEY NOT NULL,
	"pull_request_id" bigint NOT NULL,
	"author_id" bigint,
	"state" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"commit_sha" text
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"error" text,
	"requests" integer DEFAULT 0 NOT NULL,
	"rate_limit_remaining" integer,
	"summary" jsonb
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"repo_id" bigint NOT NULL,
	"resource" text NOT NULL,
	"watermark" timestamp with time zone,
	"pending_watermark" timestamp with time zone,
	"cursor" text,
	"etag" text,
	"last_started_at" timestamp with time zone,
	"last_completed_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "sync_state_repo_id_resource_pk" PRIMARY KEY("repo_id","resource")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigint PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"type" text NOT NULL,
	"is_bot" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_run_attempts" (
	"run_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"status" text,
	"conclusion" text,
	"created_at" timestamp with time zone NOT NULL,
	"run_started_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workflow_run_attempts_run_id_attempt_pk" PRIMARY KEY("run_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "workflow_runs" (
	"id" bigint PRIMARY KEY NOT NULL,
	"repo_id" bigint NOT NULL,
	"workflow_id" bigint NOT NULL,
	"workflow_name" text NOT NULL,
	"head_branch" text,
	"head_sha" text NOT NULL,
	"event" text NOT NULL,
	"status" text,
	"conclusion" text,
	"run_attempt" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"run_started_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "check_runs_sha" ON "check_runs" USING btree ("repo_id","head_sha");--> statement-breakpoint
CREATE INDEX "comments_repo_number" ON "comments" USING btree ("repo_id","number");--> statement-breakpoint
CREATE INDEX "commit_statuses_sha" ON "commit_statuses" USING btree ("repo_id","sha");--> statement-breakpoint
CREATE INDEX "commits_default_branch" ON "commits" USING btree ("repo_id","committed_at") WHERE "commits"."on_default_branch";--> statement-breakpoint
CREATE INDEX "deployment_statuses_deployment" ON "deployment_statuses" USING btree ("deployment_id");--> statement-breakpoint
CREATE INDEX "deployments_repo_created" ON "deployments" USING btree ("repo_id","created_at");--> statement-breakpoint
CREATE INDEX "incidents_repo" ON "incidents" USING btree ("repo_id");--> statement-breakpoint
CREATE INDEX "pull_request_events_pull_request" ON "pull_request_events" USING btree ("pull_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pull_requests_repo_number" ON "pull_requests" USING btree ("repo_id","number");--> statement-breakpoint
CREATE INDEX "pull_requests_repo_merged" ON "pull_requests" USING btree ("repo_id","merged_at");--> statement-breakpoint
CREATE INDEX "pull_requests_repo_created" ON "pull_requests" USING btree ("repo_id","created_at");--> statement-breakpoint
CREATE INDEX "releases_repo" ON "releases" USING btree ("repo_id");--> statement-breakpoint
CREATE UNIQUE INDEX "repositories_full_name_lower" ON "repositories" USING btree (lower("full_name"));--> statement-breakpoint
CREATE INDEX "reviews_pull_request" ON "reviews" USING btree ("pull_request_id");--> statement-breakpoint
CREATE INDEX "users_login" ON "users" USING btree ("login");--> statement-breakpoint
CREATE INDEX "workflow_runs_repo_created" ON "workflow_runs" USING btree ("repo_id","created_at");