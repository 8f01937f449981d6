import { z } from "@/app/_domain/zod";
import type { Session } from "../auth/session";
import { db } from "../db";
import { refuseSelfChange } from "../admin/user-assignment";
import { fromZod, notFound } from "../errors";

const targetSchema = z.object({ id: z.string().uuid("用户不存在") });

/**
 * The account a security admin's control acts on (docs/product.md §2: lockouts, session termination, MFA
 * resets); `self` names the controls an admin may not apply to their own account.
 */
export async function targetUser(session: Session, input: unknown, self: "sessions" | "mfa" | null) {
  const parsed = targetSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: parsed.data.id } });
  if (!user) throw notFound("用户");
  if (self) await refuseSelfChange(session, user.id, self);
  return user;
}
