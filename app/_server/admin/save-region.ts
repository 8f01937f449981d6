import { regionSchema } from "@/app/_domain/schemas/region";
import { actorOf, recordAudit, auditFailures } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod, notFound } from "../errors";

const invalidParent = (message: string) => new AppError("INVALID", message, { parentId: message.replace(/。$/, "") });

/**
 * Creates (no id) or updates a pooling region. The code is unique; the parent, when given, is another region
 * of the same province and not one of the region's own descendants. A region that already has institutions
 * keeps its code (their codes embed it).
 */
export async function saveRegion(session: Session, input: unknown, id?: string): Promise<{ id: string }> {
  return auditFailures(session, "region.save", async () => {
    await requirePermission(session, "region.manage", id);
    const parsed = regionSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const v = parsed.data;
    const parentId = v.parentId || null;
    const prisma = await db();
    const before = id ? await prisma.region.findUnique({ where: { id }, include: { _count: { select: { institutions: true } } } }) : null;
    if (id && !before) throw notFound("统筹区");
    const province = await prisma.province.findUnique({ where: { id: v.provinceId } });
    if (!province) throw new AppError("INVALID", "所选省份不存在。", { provinceId: "所选省份不存在" });
    const clash = await prisma.region.findUnique({ where: { code: v.code } });
    if (clash && clash.id !== id) throw new AppError("CONFLICT", `统筹区编码 ${v.code} 已被“${clash.name}”使用。`, { code: "编码已存在" });
    if (before && before.code !== v.code && before._count.institutions > 0)
      throw new AppError("INVALID", `该统筹区已有 ${before._count.institutions} 家医疗机构，其机构编码含统筹区编码，不能修改统筹区编码。`, {
        code: "已有医疗机构，不能修改编码",
      });
    if (parentId) {
      if (parentId === id) throw invalidParent("上级统筹区不能是其本身。");
      const parent = await prisma.region.findUnique({ where: { id: parentId } });
      if (!parent) throw invalidParent("所选上级统筹区不存在。");
      if (parent.provinceId !== v.provinceId) throw invalidParent("上级统筹区须属于同一省份。");
      // Walk up from the parent: meeting this region means the new parent is one of its descendants.
      for (let p: string | null = parent.parentId, hops = 0; id && p && hops < 50; hops++) {
        if (p === id) throw invalidParent("上级统筹区不能是其下级统筹区。");
        p = (await prisma.region.findUnique({ where: { id: p }, select: { parentId: true } }))?.parentId ?? null;
      }
    }
    if (before && before.provinceId !== v.provinceId && (await prisma.region.count({ where: { parentId: before.id } })) > 0)
      throw new AppError("INVALID", "该统筹区下还有下级统筹区，不能改到其他省份。", { provinceId: "有下级统筹区，不能改省份" });
    const data = { code: v.code, name: v.name, level: v.level, provinceId: v.provinceId, parentId, active: v.active };
    return prisma.$transaction(async (tx) => {
      const saved = id ? await tx.region.update({ where: { id }, data }) : await tx.region.create({ data });
      await recordAudit(tx, actorOf(session), {
        action: id ? "region.update" : "region.create",
        objectType: "Region",
        objectId: saved.id,
        detail: {
          code: saved.code,
          name: saved.name,
          level: saved.level,
          provinceId: saved.provinceId,
          parentId: saved.parentId,
          active: saved.active,
        },
      });
      return { id: saved.id };
    });
  });
}
