import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "@/app/_server/auth/session";
import { createUserSession, createWorld } from "../helpers/fixtures";
import { HEADER_ZH, utf8BomCsv } from "../helpers/table-files";
import { useTestDatabase } from "../helpers/test-database";

// The route handlers read the session from next-auth's cookie; here the session is injected instead.
const getSession = vi.hoisted(() => vi.fn<() => Promise<Session | null>>());
vi.mock("@/app/_server/auth/current-session", () => ({ getSession }));

const { POST } = await import("@/app/api/admin/institutions/import/route");
const { GET } = await import("@/app/api/admin/institutions/template/route");

function upload(file?: { name: string; bytes: Buffer }, extra: Record<string, string> = {}) {
  const form = new FormData();
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return POST(
    new Request("http://localhost/api/admin/institutions/import", { method: "POST", body: form, headers: { origin: "http://localhost" } }),
  );
}

describe("institution import routes", () => {
  const prisma = useTestDatabase();
  let admin: Session;
  let entry: Session;
  beforeAll(async () => {
    const w = await createWorld(prisma());
    admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
    entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
  });
  const csv = utf8BomCsv([HEADER_ZH, ["H34010000301", "路由医院", "340100", "三级", "综合"]]);

  it("answers 401 JSON without a session", async () => {
    getSession.mockResolvedValue(null);
    const res = await upload({ name: "a.csv", bytes: csv });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "请先登录。" });
    expect((await GET()).status).toBe(401);
  });

  it("answers 403 JSON for a non-admin", async () => {
    getSession.mockResolvedValue(entry);
    const res = await upload({ name: "a.csv", bytes: csv });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "您没有执行此操作的权限。" });
    expect((await GET()).status).toBe(403);
  });

  it("dry-runs, then imports a file, and reports a refused file as 422 {error}", async () => {
    getSession.mockResolvedValue(admin);
    const dry = await upload({ name: "a.csv", bytes: csv }, { dryRun: "1" });
    expect(await dry.json()).toEqual({ ok: true, dryRun: true, created: 1, updated: 0, unchanged: 0 });
    expect(await prisma().institution.findUnique({ where: { code: "H34010000301" } })).toBeNull();

    const res = await upload({ name: "a.csv", bytes: csv });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, dryRun: false, created: 1, updated: 0, unchanged: 0 });
    expect(await prisma().institution.findUnique({ where: { code: "H34010000301" } })).not.toBeNull();

    const bad = await upload({ name: "a.xls", bytes: csv });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toContain(".xls");
    const none = await upload(undefined, { dryRun: "1" });
    expect(none.status).toBe(422);
    expect((await none.json()).error).toContain("请选择要上传的文件");
  });

  it("returns the issues of a bad file with status 200 and ok: false", async () => {
    getSession.mockResolvedValue(admin);
    const res = await upload({ name: "bad.csv", bytes: utf8BomCsv([HEADER_ZH, ["H34010000302", "坏医院", "340100", "特级", "综合"]]) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.issues).toEqual([{ row: 2, column: "医院等级", message: "无法识别的医院等级“特级”（可填 三级/二级/一级/未定级）" }]);
  });

  it("refuses an oversized body before parsing it", async () => {
    getSession.mockResolvedValue(admin);
    const big = await upload({ name: "big.csv", bytes: Buffer.alloc(6 * 1024 * 1024, 0x41) });
    expect(big.status).toBe(413);
    expect((await big.json()).error).toContain("5 MB");
  });

  it("serves the template as an .xlsx attachment", async () => {
    getSession.mockResolvedValue(admin);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''" + encodeURIComponent("医疗机构导入模板.xlsx"));
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });
});
