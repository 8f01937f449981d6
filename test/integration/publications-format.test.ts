import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/app/_domain/canonical-json";
import type { FrozenRegionPart, InstitutionPart } from "@/app/_domain/publications/types";
import { exportPublication } from "@/app/_server/publications/export-publication";
import { getPublication } from "@/app/_server/publications/get-publication";
import format1 from "../fixtures/publications/format-1.json";
import { createUserSession } from "../helpers/fixtures";
import { useTestDatabase } from "../helpers/test-database";

/**
 * A snapshot published before format 2 (its institution parts stored whole, as jsonb) is never rewritten: it must
 * still show each reader exactly what it showed when published. The fixture holds such a snapshot and the SHA-256
 * of the sections each recipient saw (test/unit/publication-part-format.test.ts); here it sits in the database as
 * a deployed one does and is read through the use cases.
 */
const fixture = (
  format1 as unknown as Record<string, { region: FrozenRegionPart; parts: InstitutionPart[]; views: Record<string, string> }>
).QUARTERLY_RELEASE!;
const sha = (v: unknown) => createHash("sha256").update(canonicalJson(v)).digest("hex");

describe("publications stored in format 1", () => {
  const prisma = useTestDatabase();

  it("render for their hospitals and for staff exactly as when they were published; exports follow", async () => {
    const { region, parts, views } = fixture;
    const province = await prisma().province.create({ data: { code: "990000", name: "测试省" } });
    const r = await prisma().region.create({
      data: { code: region.region.code, name: region.region.name, level: "CITY", provinceId: province.id },
    });
    const institutions = [];
    for (const p of parts)
      institutions.push(
        await prisma().institution.create({
          data: { code: p.institution.code, name: p.institution.name, level: p.institution.level, regionId: r.id, type: "GENERAL" },
        }),
      );
    const publication = await prisma().publication.create({
      data: { regionId: r.id, kind: region.kind, periodStart: region.period.start, periodEnd: region.period.end },
    });
    // The id is the anonymised lettering's seed: the fixture's views were drawn with "version-1".
    await prisma().publicationVersion.create({
      data: {
        id: "version-1",
        publicationId: publication.id,
        version: 1,
        status: "PUBLISHED",
        title: region.title,
        layout: region.layout as object,
        peerMode: region.peerMode,
        explanations: {},
        snapshot: region as object,
        contentHash: "0".repeat(64),
        publishedAt: new Date("2025-07-15T08:00:00Z"),
      },
    });
    for (const [i, p] of parts.entries())
      await prisma().publicationPart.create({ data: { versionId: "version-1", institutionId: institutions[i]!.id, data: p as object } });

    for (const [i, p] of parts.entries()) {
      const hospital = await createUserSession(prisma(), ["HOSPITAL_VIEWER"], { institutionId: institutions[i]!.id });
      const view = await getPublication(hospital, { id: publication.id });
      expect(view.institution).toEqual(p.institution);
      expect(sha(view.sections)).toBe(views[p.institution.code]);
      const exported = await exportPublication(hospital, { id: publication.id });
      expect(exported.rows.length).toBeGreaterThan(20);
    }
    const staff = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: r.id });
    expect(sha((await getPublication(staff, { id: publication.id })).sections)).toBe(views[""]);
    const code = parts[1]!.institution.code;
    expect(sha((await getPublication(staff, { id: publication.id, institutionCode: code })).sections)).toBe(views[code]);
  });
});
