import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { notFound } from "../errors";

/**
 * A sheet version of the caller's region, or NOT_FOUND (another region's version is never revealed). Without
 * the original file: megabytes that only the download reads (sheetFileBytes).
 */
export async function loadRegionVersion(client: PrismaClient | Prisma.TransactionClient, regionId: string | null, versionId: string) {
  const version = await client.sheetVersion.findUnique({
    where: { id: versionId },
    omit: { fileBytes: true },
    include: {
      sheet: true,
      uploadedBy: { select: { displayName: true } },
      reviewedBy: { select: { displayName: true } },
      catalogueVersion: { select: { code: true } },
    },
  });
  if (!version || !regionId || version.sheet.regionId !== regionId) throw notFound("数据版本");
  return version;
}

/** The original file of a version already checked with loadRegionVersion. */
export async function sheetFileBytes(client: PrismaClient | Prisma.TransactionClient, versionId: string): Promise<Buffer> {
  const { fileBytes } = await client.sheetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { fileBytes: true } });
  return Buffer.from(fileBytes);
}
