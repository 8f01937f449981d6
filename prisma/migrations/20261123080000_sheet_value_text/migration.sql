-- A SheetValueSet's four arrays become one text each: the elements joined by tabs, an empty element for null
-- ("12.500000\t\t7.000000"; a version with no values is ''). Reading a month of 75,000 values no longer has
-- PostgreSQL render every element of the arrays (numeric_out, enum_out): on the embedded database that was
-- 80 of the ~100 ms a month costs, and the metrics recompute reads 36 months. Values keep PostgreSQL's text of
-- numeric(24,6) ("12.500000"): the upload still has the database parse and round them. Kept uncompressed
-- (STORAGE EXTERNAL), as before. The view "SheetValue" shows the same rows and columns as before; its "value" is
-- now typed numeric(24,6), as stored (unnest of the old array had dropped the precision: plain numeric).

DROP VIEW "SheetValue";

-- Uploads never stored a null array; one would become '' here (the table refuses UPDATE, so it cannot be fixed after).
ALTER TABLE "SheetValueSet"
  ALTER COLUMN "indicatorCodes" TYPE TEXT USING COALESCE(array_to_string("indicatorCodes", E'\t', ''), ''),
  ALTER COLUMN "schemes" TYPE TEXT USING COALESCE(array_to_string("schemes", E'\t', ''), ''),
  ALTER COLUMN "institutionIds" TYPE TEXT USING COALESCE(array_to_string("institutionIds", E'\t', ''), ''),
  ALTER COLUMN "values" TYPE TEXT USING COALESCE(array_to_string("values", E'\t', ''), ''),
  ALTER COLUMN "indicatorCodes" SET NOT NULL,
  ALTER COLUMN "schemes" SET NOT NULL,
  ALTER COLUMN "institutionIds" SET NOT NULL,
  ALTER COLUMN "values" SET NOT NULL;
ALTER TABLE "SheetValueSet" ALTER COLUMN "indicatorCodes" SET STORAGE EXTERNAL;
ALTER TABLE "SheetValueSet" ALTER COLUMN "schemes" SET STORAGE EXTERNAL;
ALTER TABLE "SheetValueSet" ALTER COLUMN "institutionIds" SET STORAGE EXTERNAL;
ALTER TABLE "SheetValueSet" ALTER COLUMN "values" SET STORAGE EXTERNAL;

-- One row per value, as before. The row count is the indicator codes' (string_to_array('', …) is empty, so a
-- version with no values has none; unnest pads the shorter arrays with NULL, so one region-level value whose
-- institutionIds is '' still has its row). Empty institution ids and values are NULL.
CREATE VIEW "SheetValue" AS
SELECT s."versionId", u."position", u."indicatorCode", u."scheme"::"Scheme" AS "scheme", u."institutionId",
       u."value"::numeric(24,6) AS "value"
  FROM "SheetValueSet" s
  CROSS JOIN LATERAL unnest(
    string_to_array(s."indicatorCodes", E'\t'), string_to_array(s."schemes", E'\t'),
    string_to_array(s."institutionIds", E'\t', ''), string_to_array(s."values", E'\t', '')
  ) WITH ORDINALITY AS u("indicatorCode", "scheme", "institutionId", "value", "position")
 WHERE u."indicatorCode" IS NOT NULL;
