import { LEVEL_LABELS } from "@/app/_domain/institutions";
import { ROLE_LABELS } from "@/app/_domain/roles";
import { db } from "../db";
import { institutionWithRegion } from "../home/institution-with-region";
import type { Session } from "./session";

/** The header's "who am I, where": role names and the region, institution or province in scope. */
export async function describeScope(session: Session): Promise<{ roles: string; scope: string }> {
  const prisma = await db();
  const roles = session.roles.map((r) => ROLE_LABELS[r]).join("、");
  if (session.institutionId) {
    const i = await institutionWithRegion(session.institutionId);
    return { roles, scope: i ? `${i.region.name} · ${i.name}（${LEVEL_LABELS[i.level]}）` : "—" };
  }
  if (session.regionId) {
    // One query (every staff page's header; Prisma's include would make it two).
    const [r] = await prisma.$queryRaw<{ name: string; code: string; province: string }[]>`
      SELECT r.name, r.code, p.name AS province FROM "Region" r JOIN "Province" p ON p.id = r."provinceId" WHERE r.id = ${session.regionId}`;
    return { roles, scope: r ? `${r.province} · ${r.name}（${r.code}）` : "—" };
  }
  if (session.provinceId) {
    const p = await prisma.province.findUnique({ where: { id: session.provinceId } });
    return { roles, scope: p ? `${p.name}（${p.code}）` : "—" };
  }
  return { roles, scope: "全系统" };
}
