import { institutionSchema } from "@/app/_domain/schemas/institution";
import { actorOf, recordAudit, auditFailures } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod, notFound } from "../errors";

/** Creates (no id) or updates an institution. The code must start with H + its region's code. */
export async function saveInstitution(session: Session, input: unknown, id?: string): Promise<{ id: string }> {
  return auditFailures(session, "institution.save", async () => {
    await requirePermission(session, "institution.manage", id);
    const parsed = institutionSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const v = parsed.data;
    const prisma = await db();
    const region = await prisma.region.findUnique({ where: { id: v.regionId } });
    if (!region) throw new AppError("INVALID", "所选统筹区不存在。", { regionId: "所选统筹区不存在" });
    if (!v.code.startsWith("H" + region.code))
      throw new AppError("INVALID", `机构编码应以 H${region.code} 开头（H 加统筹区编码）。`, { code: `应以 H${region.code} 开头` });
    const clash = await prisma.institution.findUnique({ where: { code: v.code } });
    if (clash && clash.id !== id) throw new AppError("CONFLICT", `机构编码 ${v.code} 已被“${clash.name}”使用。`, { code: "编码已存在" });
    const data = {
      code: v.code,
      name: v.name,
      regionId: v.regionId,
      level: v.level,
      type: v.type,
      district: v.district || null,
      beds: v.beds ?? null,
      designatedSince: v.designatedSince ? new Date(v.designatedSince + "T00:00:00Z") : null,
      active: v.active,
    };
    return prisma.$transaction(async (tx) => {
      let saved;
      if (id) {
        const before = await tx.institution.findUnique({ where: { id } });
        if (!before) throw notFound("医疗机构");
        saved = await tx.institution.update({ where: { id }, data });
      } else {
        saved = await tx.institution.create({ data });
      }
      await recordAudit(tx, actorOf(session), {
        action: id ? "institution.update" : "institution.create",
        objectType: "Institution",
        objectId: saved.id,
        detail: { code: saved.code, name: saved.name, active: saved.active },
      });
      return { id: saved.id };
    });
  });
}
