import { passwordPolicyErrors } from "@/app/_domain/password-policy";
import { changePasswordSchema } from "@/app/_domain/schemas/password";
import { actorOf, recordAudit, auditFailures } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "../auth/passwords";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod } from "../errors";

/**
 * Any signed-in user changes their own password. The session version is bumped, so every other session of
 * this user (a copied cookie included) stops working; the caller signs in again.
 */
export async function changePassword(session: Session, input: unknown): Promise<void> {
  return auditFailures(session, "account.password.change", async () => {
    const parsed = changePasswordSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const { current, next } = parsed.data;
    const prisma = await db();
    const user = await prisma.user.findUniqueOrThrow({ where: { id: session.userId } });
    if (!(await verifyPassword(user.passwordHash, current))) {
      await prisma.$transaction((tx) =>
        recordAudit(tx, actorOf(session), {
          action: "account.password.change",
          result: "FAILURE",
          objectType: "User",
          objectId: user.id,
          detail: { reason: "wrong-current" },
        }),
      );
      throw new AppError("INVALID", "当前密码不正确。", { current: "当前密码不正确" });
    }
    const policy = passwordPolicyErrors(next, undefined, user.username);
    if (current === next) policy.push("新密码不能与当前密码相同。");
    if (policy.length) throw new AppError("INVALID", policy.join(""), { next: policy.join("") });
    const passwordHash = await hashPassword(next);
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, sessionVersion: { increment: 1 } },
      });
      await recordAudit(tx, actorOf(session), { action: "account.password.change", objectType: "User", objectId: user.id });
    });
  });
}
