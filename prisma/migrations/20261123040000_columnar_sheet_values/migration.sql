-- A sheet version's values move from one row per cell to one row per version holding four parallel arrays
-- (cell k = indicatorCodes[k], schemes[k], institutionIds[k], values[k]). A month of a 5,000-institution region
-- is 75,000 cells: as rows they cost seconds to insert and to read on the embedded database; as one row, a
-- fraction of a second. Every existing value is carried over in its stored order.

CREATE TABLE "SheetValueSet" (
    "versionId" TEXT NOT NULL,
    "indicatorCodes" TEXT[],
    "schemes" "Scheme"[],
    "institutionIds" TEXT[],
    "values" DECIMAL(24,6)[],

    CONSTRAINT "SheetValueSet_pkey" PRIMARY KEY ("versionId")
);

ALTER TABLE "SheetValueSet" ADD CONSTRAINT "SheetValueSet_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SheetVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Large arrays are stored uncompressed: compressing megabytes on every upload costs more than the space saved.
ALTER TABLE "SheetValueSet" ALTER COLUMN "indicatorCodes" SET STORAGE EXTERNAL;
ALTER TABLE "SheetValueSet" ALTER COLUMN "schemes" SET STORAGE EXTERNAL;
ALTER TABLE "SheetValueSet" ALTER COLUMN "institutionIds" SET STORAGE EXTERNAL;
ALTER TABLE "SheetValueSet" ALTER COLUMN "values" SET STORAGE EXTERNAL;

INSERT INTO "SheetValueSet" ("versionId", "indicatorCodes", "schemes", "institutionIds", "values")
SELECT "versionId",
       array_agg("indicatorCode"::text ORDER BY "id"),
       array_agg("scheme" ORDER BY "id"),
       array_agg("institutionId" ORDER BY "id"),
       array_agg("value" ORDER BY "id")
  FROM "SheetValue"
 GROUP BY "versionId";

DROP TABLE "SheetValue";

-- As before: a version's values never change and are never deleted.
CREATE TRIGGER "SheetValueSet_immutable"
  BEFORE UPDATE OR DELETE ON "SheetValueSet"
  FOR EACH ROW EXECUTE FUNCTION "sheet_value_immutable"();

-- One row per cell, for reading with plain SQL (reports, independent checks). Read-only: a view over the arrays.
CREATE VIEW "SheetValue" AS
SELECT s."versionId", u."position", u."indicatorCode", u."scheme", u."institutionId", u."value"
  FROM "SheetValueSet" s,
       unnest(s."indicatorCodes", s."schemes", s."institutionIds", s."values") WITH ORDINALITY
         AS u("indicatorCode", "scheme", "institutionId", "value", "position");
