import { beforeAll, describe, expect, it, vi } from "vitest";
import { CATALOGUE_HEADER_ZH } from "@/app/_domain/catalogues/table-format";
import type { Session } from "@/app/_server/auth/session";
import { ensureBuiltInCatalogues } from "@/app/_server/catalogue/ensure-built-in-catalogues";
import { createUserSession, createWorld } from "../helpers/fixtures";
import { utf8BomCsv } from "../helpers/table-files";
import { useTestDatabase } from "../helpers/test-database";

// The route handlers read the session from next-auth's cookie; here the session is injected instead.
const getSession = vi.hoisted(() => vi.fn<() => Promise<Session | null>>());
vi.mock("@/app/_server/auth/current-session", () => ({ getSession }));

const { GET } = await import("@/app/api/catalogue/[code]/export/route");
const { POST } = await import("@/app/api/catalogue/import/route");

const download = (code: string, format?: string) =>
  GET(new Request(`http://localhost/api/catalogue/${code}/export${format ? `?format=${format}` : ""}`), {
    params: Promise.resolve({ code }),
  });

function upload(file?: { name: string; bytes: Buffer }, fields: Record<string, string> = {}) {
  const form = new FormData();
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return POST(
    new Request("http://localhost/api/catalogue/import", { method: "POST", body: form, headers: { origin: "http://localhost" } }),
  );
}

describe("catalogue file routes", () => {
  const prisma = useTestDatabase();
  let admin: Session;
  let entry: Session;
  beforeAll(async () => {
    const w = await createWorld(prisma());
    await ensureBuiltInCatalogues(prisma());
    admin = await createUserSession(prisma(), ["SYSTEM_ADMIN"]);
    entry = await createUserSession(prisma(), ["DATA_ENTRY"], { regionId: w.regionA.id });
  });
  const csv = utf8BomCsv([
    CATALOGUE_HEADER_ZH,
    ["RT01", "测试", "路由指标", "", "人", "月", "合计", "统筹区", "存量", "", "0", "10", "口径", "国家底稿必选", "R"],
  ]);

  it("answers 401 without a session and 403 for a region's staff", async () => {
    getSession.mockResolvedValue(null);
    expect((await download("NHSA-2025-03")).status).toBe(401);
    expect((await upload({ name: "c.csv", bytes: csv }, { code: "RT-1", name: "路由目录" })).status).toBe(401);
    getSession.mockResolvedValue(entry);
    const res = await download("NHSA-2025-03");
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "您没有执行此操作的权限。" });
    expect((await upload({ name: "c.csv", bytes: csv }, { code: "RT-1", name: "路由目录" })).status).toBe(403);
  });

  it("downloads a version as xlsx (default) and csv with a Chinese file name; 404 for an unknown version", async () => {
    getSession.mockResolvedValue(admin);
    const xlsx = await download("NHSA-2025-03");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("content-disposition")).toBe(
      `attachment; filename="catalogue-NHSA-2025-03.xlsx"; filename*=UTF-8''${encodeURIComponent("指标目录_NHSA-2025-03.xlsx")}`,
    );
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const c = await download("NHSA-2025-03", "csv");
    expect(c.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await c.text()).split("\r\n")).toHaveLength(71); // header + 69 + final line end
    expect((await download("NO-SUCH", "csv")).status).toBe(404);
  });

  it("imports a file with code and name, reports issues with 200 ok:false, and refusals as {error, fieldErrors}", async () => {
    getSession.mockResolvedValue(admin);
    const res = await upload({ name: "c.csv", bytes: csv }, { code: "rt-1", name: "路由目录", reconstructed: "1" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, code: "RT-1", indicators: 1 });
    expect(await prisma().catalogueVersion.findUniqueOrThrow({ where: { code: "RT-1" } })).toMatchObject({
      name: "路由目录",
      reconstructed: true,
    });

    const again = await upload({ name: "c.csv", bytes: csv }, { code: "RT-1", name: "路由目录" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: expect.stringContaining("已存在"), fieldErrors: { code: "版本编码已存在" } });

    const bad = await upload(
      {
        name: "b.csv",
        bytes: utf8BomCsv([
          CATALOGUE_HEADER_ZH,
          ["RT02", "测试", "x", "", "人", "周", "合计", "统筹区", "存量", "", "", "", "", "国家底稿必选", ""],
        ]),
      },
      { code: "RT-2", name: "坏目录" },
    );
    expect(bad.status).toBe(200);
    const body = await bad.json();
    expect(body.ok).toBe(false);
    expect(body.issues).toEqual([{ row: 2, column: "频次", message: "无法识别的频次“周”（可填 月、季、年）" }]);

    const none = await upload(undefined, { code: "RT-3", name: "无文件" });
    expect(none.status).toBe(422);
    expect((await none.json()).error).toContain("请选择要上传的文件");
    const big = await upload({ name: "big.csv", bytes: Buffer.alloc(6 * 1024 * 1024, 0x41) }, { code: "RT-4", name: "大文件" });
    expect(big.status).toBe(413);
    expect((await big.json()).error).toContain("5 MB");
  });
});
