-- Publications (issue 11): 月推送 / 季发布 / 专题分析 with frozen snapshots, receipts and notifications.

-- CreateEnum
CREATE TYPE "PublicationKind" AS ENUM ('MONTHLY_PUSH', 'QUARTERLY_RELEASE', 'TOPICAL');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'CORRECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PeerMode" AS ENUM ('NAMED', 'ANONYMISED', 'OWN_ONLY');

-- CreateEnum
CREATE TYPE "AudienceKind" AS ENUM ('ALL', 'LEVELS', 'LIST');

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "kind" "PublicationKind" NOT NULL,
    "periodStart" VARCHAR(7) NOT NULL,
    "periodEnd" VARCHAR(7) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicationVersion" (
    "id" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "PublicationStatus" NOT NULL,
    "title" TEXT NOT NULL,
    "layout" JSONB NOT NULL,
    "audienceKind" "AudienceKind" NOT NULL DEFAULT 'ALL',
    "audienceLevels" "InstitutionLevel"[],
    "audienceCodes" TEXT[],
    "peerMode" "PeerMode" NOT NULL DEFAULT 'ANONYMISED',
    "embargoUntil" TIMESTAMP(3),
    "narrative" TEXT NOT NULL DEFAULT '',
    "explanations" JSONB NOT NULL,
    "authorId" TEXT,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewComment" TEXT,
    "publisherId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "correctionReason" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawalReason" TEXT,
    "snapshot" JSONB,
    "contentHash" VARCHAR(64),
    "catalogueVersionId" TEXT,
    "sheetVersionIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicationPart" (
    "versionId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "PublicationPart_pkey" PRIMARY KEY ("versionId","institutionId")
);

-- CreateTable
CREATE TABLE "PublicationReceipt" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "PublicationReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Publication_regionId_periodEnd_idx" ON "Publication"("regionId", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "PublicationVersion_publicationId_version_key" ON "PublicationVersion"("publicationId", "version");

-- CreateIndex
CREATE INDEX "PublicationVersion_status_idx" ON "PublicationVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PublicationReceipt_versionId_userId_key" ON "PublicationReceipt"("versionId", "userId");

-- CreateIndex
CREATE INDEX "PublicationReceipt_versionId_institutionId_idx" ON "PublicationReceipt"("versionId", "institutionId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationVersion" ADD CONSTRAINT "PublicationVersion_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationVersion" ADD CONSTRAINT "PublicationVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationVersion" ADD CONSTRAINT "PublicationVersion_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationVersion" ADD CONSTRAINT "PublicationVersion_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationPart" ADD CONSTRAINT "PublicationPart_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PublicationVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationReceipt" ADD CONSTRAINT "PublicationReceipt_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PublicationVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
