import "server-only";
import type { FrozenRegionPart } from "@/app/_domain/publications/types";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/**
 * The frozen region part of published versions, parsed once and kept in memory. A published snapshot never
 * changes (its content hash is part of the key, so even a database restored to another state cannot be served
 * from a stale entry), and every recipient of a version shares its region part: the release morning reads it
 * from the database once instead of once per opening. Bounded to the most recently used versions.
 */
const MAX_VERSIONS = 24;
const cache = new Map<string, Promise<FrozenRegionPart>>();

export function frozenRegionPart(prisma: PrismaClient | Prisma.TransactionClient, versionId: string, contentHash: string) {
  const key = `${versionId}:${contentHash}`;
  let part = cache.get(key);
  if (part) {
    cache.delete(key); // most recently used last
  } else {
    part = prisma.publicationVersion
      .findUniqueOrThrow({ where: { id: versionId }, select: { snapshot: true } })
      .then((v) => v.snapshot as unknown as FrozenRegionPart);
    part.catch(() => cache.delete(key));
    if (cache.size >= MAX_VERSIONS) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, part);
  return part;
}
