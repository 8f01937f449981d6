import { z } from "@/app/_domain/zod";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import type { Session } from "../auth/session";
import { openSecret } from "../auth/secret-box";
import { hashRecoveryCode, newRecoveryCodes, verifyTotp } from "../auth/totp";
import { db } from "../db";
import { AppError, fromZod } from "../errors";

/**
 * TOTP enrolment (MLPS-04) by the user themself: every signed-in user may enrol (it is how a pending
 * "enrol-mfa" step is finished, so these use cases do not call requirePermission, like changePassword).
 */

const confirmSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "请输入身份验证器显示的 6 位数字"),
});

/** Confirms enrolment with a code from the new secret; returns the 10 recovery codes, shown this once. */
export async function confirmMfaEnrolment(session: Session, input: unknown, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  return auditFailures(session, "account.mfa.enrol", async () => {
    const parsed = confirmSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const prisma = await db();
    const u = await prisma.user.findUniqueOrThrow({ where: { id: session.userId } });
    if (u.mfaSecret) throw new AppError("CONFLICT", "双因素认证已启用。");
    if (!u.mfaPendingSecret) throw new AppError("INVALID", "请先打开绑定页面获取密钥。");
    const pending = openSecret(u.mfaPendingSecret);
    const step = pending ? await verifyTotp(pending, parsed.data.code, now) : null;
    if (step === null)
      throw new AppError("INVALID", "验证码不正确。请确认手机时间准确，并输入当前显示的 6 位数字。", { code: "验证码不正确" });
    const recoveryCodes = newRecoveryCodes();
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.user.updateMany({
        where: { id: u.id, mfaSecret: null, mfaPendingSecret: u.mfaPendingSecret },
        data: { mfaSecret: u.mfaPendingSecret, mfaPendingSecret: null, mfaEnabledAt: now, mfaLastTimeStep: step, mfaEnrolRequired: false },
      });
      if (claimed.count === 0) throw new AppError("CONFLICT", "双因素认证已启用。");
      await tx.mfaRecoveryCode.deleteMany({ where: { userId: u.id } });
      await tx.mfaRecoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: u.id, codeHash: hashRecoveryCode(c) })) });
      await recordAudit(tx, actorOf(session), {
        action: "account.mfa.enrol",
        objectType: "User",
        objectId: u.id,
        detail: { recoveryCodes: recoveryCodes.length },
      });
    });
    return { recoveryCodes };
  });
}
