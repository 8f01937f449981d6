import { passwordPolicyErrors } from "@/app/_domain/password-policy";
import { ADMIN_ROLES, type Role } from "@/app/_domain/roles";
import { USERNAME_PATTERN } from "@/app/_domain/schemas/user";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/passwords";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * The installer's way in: creates one of the three admin accounts from the command line (there is no
 * session yet on a new deployment). The account must change its password at first sign-in.
 */
export async function bootstrapAdmin(prisma: PrismaClient, input: { username: string; displayName: string; role: Role; password: string }) {
  if (!ADMIN_ROLES.includes(input.role)) throw new Error(`只能用此命令创建管理员账号（${ADMIN_ROLES.join("/")}）。`);
  if (!USERNAME_PATTERN.test(input.username)) throw new Error("用户名须以小写字母开头，由 3–32 位小写字母、数字或下划线组成。");
  const weak = passwordPolicyErrors(input.password, undefined, input.username);
  if (weak.length) throw new Error(weak.join(""));
  if (await prisma.user.findUnique({ where: { username: input.username } })) throw new Error(`用户名 ${input.username} 已存在。`);
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { username: input.username, displayName: input.displayName, roles: [input.role], passwordHash, mustChangePassword: true },
    });
    await recordAudit(
      tx,
      { username: "cli" },
      {
        action: "user.create",
        objectType: "User",
        objectId: user.id,
        detail: { username: user.username, roles: user.roles, via: "create-admin" },
      },
    );
    return { id: user.id };
  });
}
