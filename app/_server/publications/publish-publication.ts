import "server-only";
import { versionActionSchema } from "@/app/_domain/schemas/publication";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod } from "../errors";
import { freezeVersion } from "./freeze-version";
import { lockVersion } from "./version-lock";

/**
 * PUBLISHER publishes an APPROVED version: freezes every number any recipient will see (the region part on the
 * version, one part per audience institution), the sheet versions and catalogue version used and the SHA-256 of
 * it all, in one transaction with the audit row. The version row is locked first, so of concurrent requests
 * exactly one publishes; the others find it published and get a conflict. Publishing a correction marks the
 * version it corrects CORRECTED. The audience's users are notified in the app.
 */
export async function publishPublication(session: Session, input: unknown): Promise<{ status: "PUBLISHED"; contentHash: string }> {
  return auditFailures(session, "publication.publish", async () => {
    await requirePermission(session, "publication.publish");
    const parsed = versionActionSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const prisma = await db();
    return prisma.$transaction(
      async (tx) => {
        const locked = await lockVersion(tx, session, parsed.data.versionId, ["APPROVED"]);
        const frozen = await freezeVersion(tx, locked.id, session.userId, new Date());
        await recordAudit(tx, actorOf(session), {
          action: "publication.publish",
          objectType: "PublicationVersion",
          objectId: locked.id,
          detail: frozen,
        });
        return { status: "PUBLISHED" as const, contentHash: frozen.contentHash };
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  });
}
