import "server-only";
import type { Prisma } from "../generated/prisma/client";

/** In-app notifications to every active hospital user of some institutions (one createMany). */
export async function notifyAudience(
  tx: Prisma.TransactionClient,
  n: {
    institutionIds: string[];
    kind: "PUBLISHED" | "CORRECTED" | "REMINDER" | "WITHDRAWN";
    title: string;
    body: string;
    href: string;
    createdAt?: Date;
  },
): Promise<number> {
  if (!n.institutionIds.length) return 0;
  // Roles are filtered here, not with `roles: { has }`: the PGlite adapter sends an enum array's element as an
  // array literal and PostgreSQL refuses it (test/integration/catalogue-bootstrap.test.ts seeds through this path).
  const users = (
    await tx.user.findMany({ where: { institutionId: { in: n.institutionIds }, status: "ACTIVE" }, select: { id: true, roles: true } })
  ).filter((u) => u.roles.includes("HOSPITAL_VIEWER"));
  if (!users.length) return 0;
  const { count } = await tx.notification.createMany({
    data: users.map((u) => ({
      userId: u.id,
      kind: n.kind,
      title: n.title.slice(0, 200),
      body: n.body.slice(0, 1000),
      href: n.href,
      ...(n.createdAt ? { createdAt: n.createdAt } : {}),
    })),
  });
  return count;
}
