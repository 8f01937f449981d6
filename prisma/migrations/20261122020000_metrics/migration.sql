-- CreateTable
CREATE TABLE "MetricValue" (
    "id" BIGSERIAL NOT NULL,
    "regionId" TEXT NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "indicatorCode" VARCHAR(20) NOT NULL,
    "scheme" "Scheme" NOT NULL,
    "institutionId" TEXT,
    "ytd" DECIMAL(30,10),
    "month" DECIMAL(30,10),
    "prevYearYtd" DECIMAL(30,10),
    "yoy" DECIMAL(30,10),
    "mom" DECIMAL(30,10),
    "lineage" JSONB,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricValue_regionId_period_idx" ON "MetricValue"("regionId", "period");
