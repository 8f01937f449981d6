-- Stored metrics move from one row per value to one row per region × month × indicator × scheme, holding the
-- values of every institution as parallel arrays (institutionIds[k] → ytd[k], month[k], …; a region-level
-- indicator has institutionIds NULL and one-element arrays). A month of a 5,000-institution region is 100,000
-- values: as rows, seconds to write on the embedded database; as about 150 rows, a fraction of a second.
-- "MetricValue" stays as a read-only view with the old columns, for plain SQL.

CREATE TABLE "MetricSet" (
    "id" BIGSERIAL NOT NULL,
    "regionId" TEXT NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "indicatorCode" VARCHAR(20) NOT NULL,
    "scheme" "Scheme" NOT NULL,
    "institutionIds" TEXT[],
    "ytd" DECIMAL[],
    "month" DECIMAL[],
    "prevYearYtd" DECIMAL[],
    "yoy" DECIMAL[],
    "mom" DECIMAL[],
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricSet_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MetricSet_regionId_period_indicatorCode_scheme_key" ON "MetricSet"("regionId", "period", "indicatorCode", "scheme");

ALTER TABLE "MetricSet" ADD CONSTRAINT "MetricSet_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "MetricSet" ALTER COLUMN "institutionIds" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "ytd" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "month" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "prevYearYtd" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "yoy" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "mom" SET STORAGE EXTERNAL;

-- Every stored value is carried over, in its stored order.
INSERT INTO "MetricSet" ("regionId", "period", "indicatorCode", "scheme", "institutionIds", "ytd", "month", "prevYearYtd", "yoy", "mom", "computedAt")
SELECT "regionId", "period", "indicatorCode", "scheme",
       CASE WHEN bool_and("institutionId" IS NULL) THEN NULL ELSE array_agg("institutionId" ORDER BY "id") END,
       array_agg("ytd" ORDER BY "id"), array_agg("month" ORDER BY "id"), array_agg("prevYearYtd" ORDER BY "id"),
       array_agg("yoy" ORDER BY "id"), array_agg("mom" ORDER BY "id"), max("computedAt")
  FROM "MetricValue"
 GROUP BY "regionId", "period", "indicatorCode", "scheme"
 ORDER BY "regionId", "period", min("id");

DROP TABLE "MetricValue";

CREATE VIEW "MetricValue" AS
SELECT s."id" * 100000 + u."k" AS "id", s."regionId", s."period", s."indicatorCode", s."scheme", u."institutionId",
       u."ytd", u."month", u."prevYearYtd", u."yoy", u."mom", s."computedAt"
  FROM "MetricSet" s,
       unnest(COALESCE(s."institutionIds", ARRAY[NULL::text]), s."ytd", s."month", s."prevYearYtd", s."yoy", s."mom") WITH ORDINALITY
         AS u("institutionId", "ytd", "month", "prevYearYtd", "yoy", "mom", "k");
