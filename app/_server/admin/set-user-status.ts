import { setUserStatusSchema } from "@/app/_domain/schemas/user";
import { actorOf, recordAudit, auditFailures } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod, notFound } from "../errors";
import { refuseSelfChange } from "./user-assignment";

/** Enables or disables an account. Disabling bumps the session version, so the user is signed out at once. */
export async function setUserStatus(session: Session, input: unknown): Promise<{ id: string; status: "ACTIVE" | "DISABLED" }> {
  return auditFailures(session, "user.status", async () => {
    await requirePermission(session, "user.manage");
    const parsed = setUserStatusSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const { id, status } = parsed.data;
    const prisma = await db();
    const user = await prisma.user.findUnique({ where: { id }, select: { id: true, username: true, status: true } });
    if (!user) throw notFound("用户");
    await refuseSelfChange(session, user.id, "status");
    if (user.status === status) return { id, status };
    return prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id },
        data: { status, ...(status === "DISABLED" ? { sessionVersion: { increment: 1 } } : {}) },
      });
      await recordAudit(tx, actorOf(session), {
        action: status === "DISABLED" ? "user.disable" : "user.enable",
        objectType: "User",
        objectId: id,
        detail: { username: user.username },
      });
      return { id, status };
    });
  });
}
