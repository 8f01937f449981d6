-- A MetricSet's five value columns become one text each: the elements joined by commas, an empty element for
-- null ("12.5,,7"). PostgreSQL no longer builds and parses arrays of 5,000 elements per set: storing a month of
-- a large region costs a third less, reading it half (test/bench). Kept uncompressed (STORAGE EXTERNAL), as
-- before: compressing them cost more than writing them. The view "MetricValue" shows the same rows as before.

DROP VIEW "MetricValue";

ALTER TABLE "MetricSet"
  ALTER COLUMN "ytd" TYPE TEXT USING array_to_string("ytd", ',', ''),
  ALTER COLUMN "month" TYPE TEXT USING array_to_string("month", ',', ''),
  ALTER COLUMN "prevYearYtd" TYPE TEXT USING array_to_string("prevYearYtd", ',', ''),
  ALTER COLUMN "yoy" TYPE TEXT USING array_to_string("yoy", ',', ''),
  ALTER COLUMN "mom" TYPE TEXT USING array_to_string("mom", ',', '');
UPDATE "MetricSet" SET "ytd" = '', "month" = '', "prevYearYtd" = '', "yoy" = '', "mom" = '' WHERE "ytd" IS NULL;
ALTER TABLE "MetricSet"
  ALTER COLUMN "ytd" SET NOT NULL, ALTER COLUMN "month" SET NOT NULL, ALTER COLUMN "prevYearYtd" SET NOT NULL,
  ALTER COLUMN "yoy" SET NOT NULL, ALTER COLUMN "mom" SET NOT NULL;
ALTER TABLE "MetricSet" ALTER COLUMN "ytd" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "month" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "prevYearYtd" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "yoy" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "mom" SET STORAGE EXTERNAL;

-- A region-level set has one element (its text '' is one null); an institution set one per listed institution.
CREATE VIEW "MetricValue" AS
SELECT s."id" * 100000 + u."k" AS "id", s."regionId", s."period", s."indicatorCode", s."scheme", u."institutionId",
       NULLIF(u."ytd", '')::numeric AS "ytd", NULLIF(u."month", '')::numeric AS "month",
       NULLIF(u."prevYearYtd", '')::numeric AS "prevYearYtd", NULLIF(u."yoy", '')::numeric AS "yoy",
       NULLIF(u."mom", '')::numeric AS "mom", s."computedAt"
  FROM "MetricSet" s
  JOIN "MetricMonth" m ON m."regionId" = s."regionId" AND m."period" = s."period"
  CROSS JOIN LATERAL unnest(
    CASE WHEN s."perInstitution" THEN m."institutionIds" ELSE ARRAY[NULL::text] END,
    string_to_array(s."ytd", ','), string_to_array(s."month", ','), string_to_array(s."prevYearYtd", ','),
    string_to_array(s."yoy", ','), string_to_array(s."mom", ',')
  ) WITH ORDINALITY AS u("institutionId", "ytd", "month", "prevYearYtd", "yoy", "mom", "k")
 WHERE s."perInstitution" OR u."k" = 1;
