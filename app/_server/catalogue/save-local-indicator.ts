import type { IndicatorDef } from "@/app/_domain/catalogue";
import { checkCatalogueFormulas, describeFormulaIssue } from "@/app/_domain/catalogues/check-catalogue";
import { localIndicatorSchema } from "@/app/_domain/schemas/indicator";
import { actorOf, auditFailures, recordAudit } from "../audit/record-audit";
import { requirePermission } from "../auth/guard";
import type { Session } from "../auth/session";
import { db } from "../db";
import { AppError, fromZod, notFound } from "../errors";
import { indicatorData } from "./indicator-rows";
import { loadRegionCatalogue } from "./region-catalogue";

/** Local indicators sort after the catalogue's own ones. */
const LOCAL_SORT_BASE = 100_000;

/**
 * Creates (no id) or edits a local indicator (地方增选) of the caller's region, in the catalogue version the
 * region uses. The region comes from the session, never from the input. The code must be new in that
 * catalogue and cannot change once created (sheets store values by code). A formula must parse, refer only
 * to indicators of the region's catalogue with the schemes they have, and form no cycle, also for the
 * region's other local indicators that refer to this one.
 */
export async function saveLocalIndicator(session: Session, input: unknown, id?: string): Promise<{ id: string }> {
  return auditFailures(session, "indicator.local.save", async () => {
    await requirePermission(session, "indicator.local.manage", id);
    if (!session.regionId) throw notFound("统筹区");
    const parsed = localIndicatorSchema.safeParse(input);
    if (!parsed.success) throw fromZod(parsed.error);
    const candidate: IndicatorDef = { ...parsed.data, tag: "LOCAL", evidence: null };
    const regionId = session.regionId;
    const prisma = await db();
    const catalogue = await loadRegionCatalogue(prisma, regionId);

    const existing = id ? catalogue.indicators.find((i) => i.id === id && i.local) : undefined;
    if (id && !existing) throw notFound("地方指标");
    if (existing && existing.code !== candidate.code)
      throw new AppError("INVALID", `指标编码创建后不能修改（原编码 ${existing.code}）。`, { code: "编码不能修改" });
    const clash = catalogue.indicators.find((i) => i.code === candidate.code && i.id !== id);
    if (clash)
      throw new AppError(
        "CONFLICT",
        clash.local
          ? `本统筹区已有编码为 ${candidate.code} 的地方指标“${clash.nameZh}”。`
          : `编码 ${candidate.code} 已是目录 ${catalogue.version.code} 中的指标“${clash.nameZh}”，地方指标请换一个编码。`,
        { code: "编码已存在" },
      );
    // Another region's local indicator with this code (codes are unique within a catalogue version): say so
    // without naming the region.
    const elsewhere = await prisma.indicator.findFirst({
      where: { catalogueVersionId: catalogue.version.id, code: candidate.code, NOT: { regionId } },
      select: { id: true },
    });
    if (elsewhere)
      throw new AppError("CONFLICT", `编码 ${candidate.code} 已被其他统筹区的地方指标使用，请换一个编码（例如加上本地前缀）。`, {
        code: "编码已被占用",
      });

    // Check this indicator's formula and every other local formula against the catalogue as it would be.
    const after = catalogue.indicators.filter((i) => i.id !== id);
    const locals = [...after.filter((i) => i.local), candidate];
    const issues = checkCatalogueFormulas(
      locals,
      after.filter((i) => !i.local),
    );
    const own = issues.find((i) => i.code === candidate.code);
    if (own) throw new AppError("INVALID", `公式有误：${describeFormulaIssue(own)}`, { formula: describeFormulaIssue(own) });
    if (issues.length) {
      const other = issues[0];
      const msg = `修改后，地方指标 ${other.code} 的公式将出错：${describeFormulaIssue(other)}`;
      throw new AppError("INVALID", msg, { formula: msg });
    }

    const data = indicatorData(candidate);
    try {
      return await prisma.$transaction(async (tx) => {
        let saved;
        if (existing) {
          saved = await tx.indicator.update({ where: { id: existing.id }, data });
        } else {
          const count = await tx.indicator.count({ where: { catalogueVersionId: catalogue.version.id, regionId } });
          saved = await tx.indicator.create({
            data: { ...data, catalogueVersionId: catalogue.version.id, regionId, sortOrder: LOCAL_SORT_BASE + count },
          });
        }
        await recordAudit(tx, actorOf(session), {
          action: existing ? "indicator.local.update" : "indicator.local.create",
          objectType: "Indicator",
          objectId: saved.id,
          detail: { code: saved.code, nameZh: saved.nameZh, catalogue: catalogue.version.code, formula: saved.formula },
        });
        return { id: saved.id };
      });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002")
        throw new AppError("CONFLICT", `编码 ${candidate.code} 刚被占用，请换一个编码。`, { code: "编码已被占用" });
      throw e;
    }
  });
}
