CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"week" text NOT NULL,
	"scope" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"model" jsonb NOT NULL,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "reports_week" ON "reports" USING btree ("week");