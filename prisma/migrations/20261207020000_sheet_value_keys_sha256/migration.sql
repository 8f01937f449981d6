-- The SHA-256 of a version's key columns (indicator codes, schemes and institution ids, joined by line breaks):
-- a region lists the same cells in the same order month after month, so the metrics engine, reading several
-- months of a region, reads each distinct set of key columns once and the other months' values alone
-- (app/_server/sheets/sheet-values-store.ts). Existing versions are hashed here; the trigger that keeps values
-- immutable is set aside for this one statement, which changes no value.

ALTER TABLE "SheetValueSet" ADD COLUMN "keysSha256" VARCHAR(64);

ALTER TABLE "SheetValueSet" DISABLE TRIGGER "SheetValueSet_immutable";
UPDATE "SheetValueSet"
   SET "keysSha256" = encode(sha256(convert_to("indicatorCodes" || E'\n' || "schemes" || E'\n' || "institutionIds", 'UTF8')), 'hex');
ALTER TABLE "SheetValueSet" ENABLE TRIGGER "SheetValueSet_immutable";

ALTER TABLE "SheetValueSet" ALTER COLUMN "keysSha256" SET NOT NULL;
