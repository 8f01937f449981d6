import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/app/_server/db";
import { bootstrapDatabase } from "@/app/_server/system/bootstrap-database";
import { readEnv } from "@/app/_server/env";

/**
 * The process bootstrap (what `npm start` runs on first use of the database): migrations, then the built-in
 * catalogues in every deployment, then the demo seed, whose regions point at the built-in catalogue.
 * Always on an in-memory PGlite: what is tested is the order of the steps, not the database engine.
 */
describe("bootstrap creates the built-in catalogue before the demo seed", () => {
  afterAll(() => closeDatabase());

  it("a demo deployment's regions use the newest built-in catalogue, NHSA-2025-03-V2; a second start changes nothing", async () => {
    const env = { ...readEnv({ NODE_ENV: "test" }), databaseUrl: undefined, dataDir: "memory://", demo: true };
    const { db, demo } = await bootstrapDatabase(env);
    expect(demo?.created).toBe(true);
    const prisma = db.prisma;
    const version = await prisma.catalogueVersion.findUniqueOrThrow({ where: { code: "NHSA-2025-03-V2" } });
    expect(await prisma.indicator.count({ where: { catalogueVersionId: version.id } })).toBe(69);
    const regions = await prisma.region.findMany();
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.catalogueVersionId === version.id)).toBe(true);
    const actions = (await prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions.indexOf("catalogue.builtin.create")).toBeLessThan(actions.indexOf("demo.seed"));
  });
});
