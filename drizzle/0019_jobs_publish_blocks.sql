CREATE SEQUENCE "public"."job_publish_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
DROP INDEX "jobs_open_search_idx";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "publish_seq" bigint;--> statement-breakpoint
-- Jobs published before this migration are numbered in their publication order.
UPDATE "jobs" SET "publish_seq" = numbered.seq
FROM (SELECT id, nextval('job_publish_seq') AS seq
      FROM (SELECT id FROM "jobs" WHERE published_at IS NOT NULL ORDER BY published_at, id) ordered) numbered
WHERE "jobs".id = numbered.id;--> statement-breakpoint
CREATE INDEX "jobs_open_words_idx" ON "jobs" USING gin ("search_vector",((publish_seq / 1024)::integer)) WHERE state = 'open';