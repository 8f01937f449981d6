-- CreateTable
CREATE TABLE "NarrativeDraft" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NarrativeDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NarrativeVersion" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NarrativeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NarrativeDraft_regionId_period_key" ON "NarrativeDraft"("regionId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "NarrativeVersion_draftId_version_key" ON "NarrativeVersion"("draftId", "version");

-- AddForeignKey
ALTER TABLE "NarrativeDraft" ADD CONSTRAINT "NarrativeDraft_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NarrativeDraft" ADD CONSTRAINT "NarrativeDraft_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NarrativeVersion" ADD CONSTRAINT "NarrativeVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "NarrativeDraft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NarrativeVersion" ADD CONSTRAINT "NarrativeVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
