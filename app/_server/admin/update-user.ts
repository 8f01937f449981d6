import type { Role } from "@/app/_domain/roles";
import { updateUserSchema } from "@/app/_domain/schemas/user";
import { actorOf, recordAudit, auditFailures } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { fromZod, notFound } from "../errors";
import { checkAssignment, refuseSelfChange, type Assignment } from "./user-assignment";

const sameAssignment = (a: Assignment, b: Assignment) =>
  [...a.roles].sort().join(",") === [...b.roles].sort().join(",") &&
  a.provinceId === b.provinceId &&
  a.regionId === b.regionId &&
  a.institutionId === b.institutionId;

/**
 * Changes an account's name, roles and scope. A change of roles or scope bumps the session version, so the
 * user's open sessions end and the new rights apply from the next sign-in. An admin may rename themself but
 * not change their own roles or scope.
 */
export async function updateUser(session: Session, input: unknown): Promise<{ id: string; sessionsRevoked: boolean }> {
  return auditFailures(session, "user.update", async () => {
    await requirePermission(session, "user.manage");
    const parsed = updateUserSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const v = parsed.data;
    const prisma = await db();
    const before = await prisma.user.findUnique({ where: { id: v.id } });
    if (!before) throw notFound("用户");
    const old: Assignment = {
      roles: before.roles as Role[],
      provinceId: before.provinceId,
      regionId: before.regionId,
      institutionId: before.institutionId,
    };
    const next = await checkAssignment(v);
    const changed = !sameAssignment(old, next);
    if (changed) await refuseSelfChange(session, before.id, "roles");
    return prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: before.id },
        data: { displayName: v.displayName, ...next, ...(changed ? { sessionVersion: { increment: 1 } } : {}) },
      });
      await recordAudit(tx, actorOf(session), {
        action: "user.update",
        objectType: "User",
        objectId: before.id,
        detail: {
          username: before.username,
          displayName: v.displayName,
          ...(before.displayName !== v.displayName ? { previousDisplayName: before.displayName } : {}),
          before: old,
          after: next,
          sessionsRevoked: changed,
        },
      });
      return { id: before.id, sessionsRevoked: changed };
    });
  });
}
