CREATE TABLE "graph_pending_writes" (
	"transaction_id" bigint PRIMARY KEY
);
--> statement-breakpoint
CREATE TABLE "graph_version" (
	"id" integer PRIMARY KEY,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "graph_version_single_row" CHECK ("id" = 1)
);
