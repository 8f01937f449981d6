-- CreateEnum
CREATE TYPE "IndicatorScope" AS ENUM ('REGION', 'INSTITUTION');

-- CreateEnum
CREATE TYPE "ValueBasis" AS ENUM ('FLOW', 'STOCK', 'RATE');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('MONTHLY', 'QUARTERLY', 'YEARLY');

-- CreateEnum
CREATE TYPE "Scheme" AS ENUM ('EMPLOYEE', 'RESIDENT', 'TOTAL');

-- CreateEnum
CREATE TYPE "IndicatorTag" AS ENUM ('NATIONAL_REQUIRED', 'LOCAL', 'INTERNAL');

-- CreateEnum
CREATE TYPE "SheetStatus" AS ENUM ('VALIDATED', 'ACCEPTED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "SheetSource" AS ENUM ('XLSX', 'CSV', 'API');

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "catalogueVersionId" TEXT;

-- CreateTable
CREATE TABLE "CatalogueVersion" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "reconstructed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogueVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "catalogueVersionId" TEXT NOT NULL,
    "regionId" TEXT,
    "code" VARCHAR(20) NOT NULL,
    "category" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "unit" VARCHAR(20) NOT NULL,
    "frequency" "Frequency" NOT NULL,
    "schemes" "Scheme"[],
    "scope" "IndicatorScope" NOT NULL,
    "basis" "ValueBasis" NOT NULL,
    "formula" TEXT,
    "minValue" DECIMAL(24,6),
    "maxValue" DECIMAL(24,6),
    "definition" TEXT,
    "tag" "IndicatorTag" NOT NULL,
    "evidence" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sheet" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Sheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SheetVersion" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "SheetStatus" NOT NULL,
    "source" "SheetSource" NOT NULL,
    "catalogueVersionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" VARCHAR(64) NOT NULL,
    "fileBytes" BYTEA NOT NULL,
    "report" JSONB NOT NULL,
    "valueCount" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewComment" TEXT,

    CONSTRAINT "SheetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SheetValue" (
    "id" BIGSERIAL NOT NULL,
    "versionId" TEXT NOT NULL,
    "indicatorCode" VARCHAR(20) NOT NULL,
    "scheme" "Scheme" NOT NULL,
    "institutionId" TEXT,
    "value" DECIMAL(24,6),

    CONSTRAINT "SheetValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "prefix" VARCHAR(12) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueVersion_code_key" ON "CatalogueVersion"("code");

-- CreateIndex
CREATE INDEX "Indicator_regionId_idx" ON "Indicator"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_catalogueVersionId_code_key" ON "Indicator"("catalogueVersionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Sheet_regionId_period_key" ON "Sheet"("regionId", "period");

-- CreateIndex
CREATE INDEX "SheetVersion_status_idx" ON "SheetVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SheetVersion_sheetId_version_key" ON "SheetVersion"("sheetId", "version");

-- CreateIndex
CREATE INDEX "SheetValue_versionId_idx" ON "SheetValue"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_regionId_idx" ON "ApiToken"("regionId");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_catalogueVersionId_fkey" FOREIGN KEY ("catalogueVersionId") REFERENCES "CatalogueVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_catalogueVersionId_fkey" FOREIGN KEY ("catalogueVersionId") REFERENCES "CatalogueVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sheet" ADD CONSTRAINT "Sheet_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetVersion" ADD CONSTRAINT "SheetVersion_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "Sheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetVersion" ADD CONSTRAINT "SheetVersion_catalogueVersionId_fkey" FOREIGN KEY ("catalogueVersionId") REFERENCES "CatalogueVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetVersion" ADD CONSTRAINT "SheetVersion_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetVersion" ADD CONSTRAINT "SheetVersion_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetValue" ADD CONSTRAINT "SheetValue_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SheetVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Sheet versions and their values are the record of what a bureau received: never deleted, and a version's
-- values never change (only its status and review fields move on).
CREATE FUNCTION "sheet_value_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'SheetValue rows are immutable (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER "SheetValue_immutable"
  BEFORE UPDATE OR DELETE ON "SheetValue"
  FOR EACH ROW EXECUTE FUNCTION "sheet_value_immutable"();
