CREATE TYPE "organization_kind" AS ENUM('company', 'government', 'agency', 'media', 'university', 'country', 'party', 'nonprofit', 'other');--> statement-breakpoint
CREATE TYPE "quote_kind" AS ENUM('direct', 'partial', 'indirect');--> statement-breakpoint
CREATE TYPE "related_link_kind" AS ENUM('photos', 'video', 'audio', 'article', 'other');--> statement-breakpoint
CREATE TABLE "affiliations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "affiliations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"role" text,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affiliations_person_organization_role_key" UNIQUE NULLS NOT DISTINCT("person_id","organization_id","role")
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL UNIQUE,
	"url" text UNIQUE,
	"title" text NOT NULL,
	"dek" text,
	"image_caption" text,
	"body" text NOT NULL,
	"published_at" timestamp(3) with time zone,
	"publisher_id" integer,
	"language" text DEFAULT 'en' NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"sort_at" timestamp(3) with time zone GENERATED ALWAYS AS (coalesce("articles"."published_at", "articles"."created_at")) STORED NOT NULL,
	"search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', "articles"."title"), 'A') || setweight(to_tsvector('english', coalesce("articles"."dek", '')), 'B') || setweight(to_tsvector('english', "articles"."body"), 'C')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mentions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"person_id" integer,
	"organization_id" integer,
	"count" integer DEFAULT 1 NOT NULL,
	"first_offset" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "mentions_exactly_one_entity" CHECK (num_nonnulls("person_id", "organization_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"kind" "organization_kind" DEFAULT 'other'::"organization_kind" NOT NULL,
	"parent_id" integer,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"lookup_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"lookup_text" text DEFAULT '' NOT NULL,
	"description" text,
	"quote_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "people_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"lookup_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"lookup_text" text DEFAULT '' NOT NULL,
	"description" text,
	"quote_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publishers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "publishers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"url" text,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quotes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"text" text NOT NULL,
	"kind" "quote_kind" NOT NULL,
	"speaker_person_id" integer,
	"speaker_organization_id" integer,
	"speaker_label" text,
	"cue" text,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"position" integer NOT NULL,
	"confidence" real DEFAULT 1 NOT NULL,
	"article_sort_at" timestamp(3) with time zone NOT NULL,
	"speaker_ref" integer GENERATED ALWAYS AS (coalesce("quotes"."speaker_person_id" * 2, "quotes"."speaker_organization_id" * 2 + 1)) STORED,
	"search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "quotes"."text")) STORED NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_article_position_key" UNIQUE("article_id","position"),
	CONSTRAINT "quotes_one_speaker_kind" CHECK (num_nonnulls("speaker_person_id", "speaker_organization_id") <= 1),
	CONSTRAINT "quotes_offsets_ordered" CHECK ("start_offset" >= 0 and "end_offset" >= "start_offset")
);
--> statement-breakpoint
CREATE TABLE "related_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "related_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"kind" "related_link_kind" DEFAULT 'article'::"related_link_kind" NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "related_links_article_position_key" UNIQUE("article_id","position")
);
--> statement-breakpoint
CREATE INDEX "affiliations_organization_idx" ON "affiliations" ("organization_id","person_id");--> statement-breakpoint
CREATE INDEX "articles_sort_at_idx" ON "articles" ("sort_at","id");--> statement-breakpoint
CREATE INDEX "articles_publisher_sort_at_idx" ON "articles" ("publisher_id","sort_at","id");--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_content_hash_without_url_idx" ON "articles" ("content_hash") WHERE "url" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_person_article_idx" ON "mentions" ("person_id","article_id") WHERE "person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_organization_article_idx" ON "mentions" ("organization_id","article_id") WHERE "organization_id" is not null;--> statement-breakpoint
CREATE INDEX "mentions_article_idx" ON "mentions" ("article_id");--> statement-breakpoint
CREATE INDEX "organizations_lookup_keys_idx" ON "organizations" USING gin ("lookup_keys");--> statement-breakpoint
CREATE INDEX "organizations_lookup_text_trgm_idx" ON "organizations" USING gin ("lookup_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" ("parent_id");--> statement-breakpoint
CREATE INDEX "organizations_kind_idx" ON "organizations" ("kind","name");--> statement-breakpoint
CREATE INDEX "people_lookup_keys_idx" ON "people" USING gin ("lookup_keys");--> statement-breakpoint
CREATE INDEX "people_lookup_text_trgm_idx" ON "people" USING gin ("lookup_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "quotes_speaker_ref_idx" ON "quotes" ("speaker_ref","article_sort_at","article_id","position" DESC);--> statement-breakpoint
CREATE INDEX "quotes_speaker_person_idx" ON "quotes" ("speaker_person_id","article_sort_at","article_id","position" DESC);--> statement-breakpoint
CREATE INDEX "quotes_speaker_organization_idx" ON "quotes" ("speaker_organization_id","article_sort_at","article_id","position" DESC);--> statement-breakpoint
CREATE INDEX "quotes_article_sort_at_idx" ON "quotes" ("article_sort_at","article_id","position" DESC);--> statement-breakpoint
CREATE INDEX "quotes_search_idx" ON "quotes" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_people_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_publisher_id_publishers_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "publishers"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_person_id_people_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_organization_id_organizations_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_speaker_person_id_people_id_fkey" FOREIGN KEY ("speaker_person_id") REFERENCES "people"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_speaker_organization_id_organizations_id_fkey" FOREIGN KEY ("speaker_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "related_links" ADD CONSTRAINT "related_links_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;