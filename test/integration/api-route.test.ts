import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ROLES } from "@/app/_domain/roles";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/errors";
import { apiRoute, type RouteHandler } from "@/app/_server/http/api-route";
import { sessionOf } from "../helpers/fixtures";

// The wrapper reads the session from next-auth's cookie; here the session is injected instead.
const session: Session = sessionOf({
  id: "u",
  username: "wrapper",
  displayName: "wrapper",
  roles: [...ROLES],
  provinceId: null,
  regionId: null,
  institutionId: null,
});
const getSession = vi.hoisted(() => vi.fn<() => Promise<Session | null>>());
vi.mock("@/app/_server/auth/current-session", () => ({ getSession }));

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
function routeFiles(dir = "app/api"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

const echo = apiRoute(
  {
    summary: "test",
    auth: "session",
    params: z.object({ id: z.string().regex(/^\d+$/, "编号应为数字") }),
    query: z.object({ n: z.coerce.number().int("n 应为整数") }),
    body: z.object({ name: z.string().min(2, "请填写名称") }),
  },
  async ({ params, query, body, requestId }) => {
    // As a use case does, after its guard.
    const { name } = z.object({ name: z.string().min(2, "请填写名称") }).parse(body);
    return { id: params.id, n: query.n, name, requestId };
  },
);
const post = (body: string, { id = "7", n = "3", headers = {} as Record<string, string> } = {}) =>
  echo(
    new Request(`http://portal.example/x?n=${n}`, {
      method: "POST",
      body,
      headers: { host: "portal.example", origin: "http://portal.example", ...headers },
    }),
    { params: Promise.resolve({ id }) },
  );

describe("the route wrapper", () => {
  it("parses params and query with their schemas, hands the JSON body on, and answers the handler's value as JSON with the request id", async () => {
    getSession.mockResolvedValue(session);
    const res = await post(JSON.stringify({ name: "名称" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-request-id")).toBe(session.requestId);
    expect(await res.json()).toEqual({ id: "7", n: 3, name: "名称", requestId: session.requestId });
  });

  it("answers 422 with one message per field for a bad path, query or body (parsed by the handler), and for a body that is not JSON", async () => {
    getSession.mockResolvedValue(session);
    expect(await (await post(JSON.stringify({ name: "x" }))).json()).toEqual({ error: "请填写名称", fieldErrors: { name: "请填写名称" } });
    const badId = await post(JSON.stringify({ name: "名称" }), { id: "x" });
    expect([badId.status, await badId.json()]).toEqual([422, { error: "编号应为数字", fieldErrors: { id: "编号应为数字" } }]);
    expect((await post(JSON.stringify({ name: "名称" }), { n: "1.5" })).status).toBe(422);
    const notJson = await post("{");
    expect([notJson.status, (await notJson.json()).error]).toEqual([422, "请求体不是有效的 JSON。"]);
  });

  it("answers 401 without a session, and to a bearer token on a browser-only route; 403 from another origin before reading the session", async () => {
    getSession.mockResolvedValue(null);
    const anonymous = await post("{}");
    expect([anonymous.status, await anonymous.json()]).toEqual([401, { error: "请先登录。" }]);
    getSession.mockResolvedValue(session);
    expect((await post("{}", { headers: { authorization: "Bearer ld_x" } })).status).toBe(401);
    getSession.mockClear();
    const foreign = await post("{}", { headers: { origin: "https://evil.example" } });
    expect([foreign.status, (await foreign.json()).error]).toEqual([403, "跨站请求被拒绝。"]);
    expect(getSession).not.toHaveBeenCalled();
  });

  it("maps an AppError to its status and logs anything else with the request id behind a generic 500", async () => {
    getSession.mockResolvedValue(session);
    const conflict = apiRoute({ summary: "t", auth: "session" }, async () => {
      throw new AppError("CONFLICT", "已被他人修改。", { version: "版本已变" });
    });
    const res = await conflict(new Request("http://portal.example/x"));
    expect([res.status, await res.json()]).toEqual([409, { error: "已被他人修改。", fieldErrors: { version: "版本已变" } }]);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = apiRoute({ summary: "t", auth: "session" }, async () => {
      throw new Error("database exploded: secret detail");
    });
    const crash = await broken(new Request("http://portal.example/x", { headers: { "x-request-id": "req-12345678" } }));
    const body = await crash.json();
    expect(crash.status).toBe(500);
    expect(body.error).toBe("系统错误，请稍后重试；如果一再出现，请联系系统管理员。");
    expect(JSON.stringify(body)).not.toContain("secret detail");
    expect(String(log.mock.calls[0]?.[0])).toContain(session.requestId);
    log.mockRestore();
  });

  it("every route handler in app/api goes through it, so its definition can be collected (OpenAPI)", async () => {
    const handlers: string[] = [];
    for (const file of routeFiles().filter((f) => !f.startsWith(path.join("app", "api", "auth")))) {
      const mod = (await import(/* @vite-ignore */ "@/" + file.replace(/\.ts$/, ""))) as Record<string, RouteHandler | undefined>;
      for (const method of METHODS) {
        const handler = mod[method];
        if (!handler) continue;
        handlers.push(`${method} ${file}`);
        expect(handler.definition?.summary, `${method} ${file}`).toBeTruthy();
        // Only the API description, which holds no data, is public (app/api/v1/openapi.json/route.ts).
        const allowed = file === path.join("app", "api", "v1", "openapi.json", "route.ts") ? ["public"] : ["session", "session-or-token"];
        expect(allowed, `${method} ${file}`).toContain(handler.definition.auth);
      }
    }
    expect(handlers.length).toBeGreaterThanOrEqual(11);
  });
});
