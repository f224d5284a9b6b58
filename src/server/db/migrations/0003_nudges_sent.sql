CREATE TABLE "nudges_sent" (
	"team" text NOT NULL,
	"item_key" text NOT NULL,
	"state" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "nudges_sent_team_item_key_pk" PRIMARY KEY("team","item_key")
);
