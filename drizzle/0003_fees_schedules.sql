CREATE TABLE "fee_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fee_schedules_version_positive" CHECK ("fee_schedules"."version" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "fee_schedules_version_key" ON "fee_schedules" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_schedules_effective_from_key" ON "fee_schedules" USING btree ("effective_from");--> statement-breakpoint
-- Version 1 of the fee schedule (DEFAULT_FEE_SCHEDULE_DEFINITION in src/modules/fees/schedule.ts;
-- a test checks they agree): sliding 20% / 10% / 5% at $500 and $10,000, 5% client fee, no initiation fee.
INSERT INTO "fee_schedules" ("id", "version", "effective_from", "definition", "created_by", "created_at")
VALUES (
	'00000000-0000-4000-8000-00000000fee1',
	1,
	'2000-01-01T00:00:00Z',
	'{"currency":"USD","freelancerServiceFee":{"kind":"sliding","tiers":[{"upToCents":50000,"rateBps":2000},{"upToCents":1000000,"rateBps":1000},{"upToCents":null,"rateBps":500}]},"clientMarketplaceFee":{"rateBps":500},"contractInitiationFee":{"amountCents":0}}'::jsonb,
	NULL,
	'2000-01-01T00:00:00Z'
) ON CONFLICT DO NOTHING;
