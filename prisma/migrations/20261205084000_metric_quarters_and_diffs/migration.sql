-- Issue 10: every stored metric also carries its differences in the indicator's unit (yoyDiff, momDiff;
-- percentage points for %-unit indicators) and, in a quarter's last month, the quarter fields (quarter,
-- prevYearQuarter, quarterYoy, qoq, quarterYoyDiff, qoqDiff): docs/metrics.md defines each. Stored like the
-- other fields (elements joined by commas, '' for null). Values stored before this migration have empty new
-- fields until their region is recomputed (`npm run metrics:recompute -- <region>`, or the next acceptance of a
-- month that they read).

ALTER TABLE "MetricSet"
  ADD COLUMN "yoyDiff" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "momDiff" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "quarter" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "prevYearQuarter" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "quarterYoy" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "qoq" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "quarterYoyDiff" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "qoqDiff" TEXT NOT NULL DEFAULT '';
ALTER TABLE "MetricSet" ALTER COLUMN "yoyDiff" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "momDiff" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "quarter" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "prevYearQuarter" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "quarterYoy" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "qoq" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "quarterYoyDiff" SET STORAGE EXTERNAL;
ALTER TABLE "MetricSet" ALTER COLUMN "qoqDiff" SET STORAGE EXTERNAL;
