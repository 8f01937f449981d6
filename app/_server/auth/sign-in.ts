import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { dummyHash, verifyPassword } from "./passwords";
import { clientIp, requestId } from "./request-context";

/**
 * Checks a username and password. Every attempt is audited; a wrong password, an unknown user and a disabled
 * account look the same to the caller (null), so sign-in reveals nothing about which accounts exist.
 */
export async function signIn(username: string, password: string, headers: Headers) {
  const prisma = await db();
  const name = username.trim().slice(0, 64);
  const user = name ? await prisma.user.findUnique({ where: { username: name } }) : null;
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  const active = ok && user?.status === "ACTIVE";
  const actor = { userId: user?.id, username: name, roles: user?.roles, ip: clientIp(headers), requestId: requestId(headers) };
  await prisma.$transaction(async (tx) => {
    if (active) await tx.user.update({ where: { id: user!.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "auth.login",
      result: active ? "SUCCESS" : "FAILURE",
      objectType: "User",
      objectId: user?.id,
      detail: active ? undefined : { reason: !user ? "unknown-user" : !ok ? "wrong-password" : "disabled" },
    });
  });
  return active ? user : null;
}
