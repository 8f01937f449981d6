import { passwordPolicyErrors } from "@/app/_domain/password-policy";
import { createUserSchema } from "@/app/_domain/schemas/user";
import { actorOf, recordAudit, auditFailures } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import { hashPassword } from "../auth/passwords";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod } from "../errors";
import { checkAssignment, isUniqueViolation } from "./user-assignment";

const duplicate = (username: string) => new AppError("CONFLICT", `用户名 ${username} 已被占用，请换一个。`, { username: "用户名已存在" });

/**
 * Creates an account with an initial password chosen by the admin; the user must change it at first
 * sign-in. The password is hashed before the transaction and appears in no audit detail.
 */
export async function createUser(session: Session, input: unknown): Promise<{ id: string }> {
  return auditFailures(session, "user.create", async () => {
    await requirePermission(session, "user.manage");
    const parsed = createUserSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const v = parsed.data;
    const assignment = await checkAssignment(v);
    const policy = passwordPolicyErrors(v.password, undefined, v.username);
    if (policy.length) throw new AppError("INVALID", policy.join(""), { password: policy.join("") });
    const prisma = await db();
    if (await prisma.user.findUnique({ where: { username: v.username }, select: { id: true } })) throw duplicate(v.username);
    const passwordHash = await hashPassword(v.password);
    try {
      return await prisma.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { username: v.username, displayName: v.displayName, passwordHash, mustChangePassword: true, ...assignment },
        });
        await recordAudit(tx, actorOf(session), {
          action: "user.create",
          objectType: "User",
          objectId: user.id,
          detail: { username: user.username, displayName: user.displayName, ...assignment },
        });
        return { id: user.id };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicate(v.username);
      throw e;
    }
  });
}
