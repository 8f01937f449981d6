import { passwordPolicyErrors } from "@/app/_domain/password-policy";
import { resetUserPasswordSchema } from "@/app/_domain/schemas/user";
import { actorOf, recordAudit, auditFailures } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import { hashPassword } from "../auth/passwords";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod, notFound } from "../errors";
import { refuseSelfChange } from "./user-assignment";

/**
 * Sets a temporary password that the user must change at the next sign-in, and ends the user's sessions.
 * Neither the password nor its hash goes into the audit log.
 */
export async function resetUserPassword(session: Session, input: unknown): Promise<{ id: string }> {
  return auditFailures(session, "user.password.reset", async () => {
    await requirePermission(session, "user.manage");
    const parsed = resetUserPasswordSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const { id, password } = parsed.data;
    const prisma = await db();
    const user = await prisma.user.findUnique({ where: { id }, select: { id: true, username: true } });
    if (!user) throw notFound("用户");
    await refuseSelfChange(session, user.id, "password");
    const policy = passwordPolicyErrors(password, undefined, user.username);
    if (policy.length) throw new AppError("INVALID", policy.join(""), { password: policy.join("") });
    const passwordHash = await hashPassword(password);
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id },
        data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
      });
      await recordAudit(tx, actorOf(session), {
        action: "user.password.reset",
        objectType: "User",
        objectId: id,
        detail: { username: user.username, mustChangePassword: true },
      });
    });
    return { id };
  });
}
