import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RouteHandler } from "@/app/_server/http/api-route";
import { API_V1_OPERATIONS, apiV1Document } from "@/app/api/v1/operations";
import { ajv, resolve } from "../helpers/api-contract";

/** The OpenAPI description (app/api/v1/operations.ts, app/_server/http/openapi.ts) covers every /api/v1 route. */

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
function routeFiles(dir = "app/api/v1"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}
/** app/api/v1/sheets/versions/[versionId]/review/route.ts → /api/v1/sheets/versions/{versionId}/review */
const pathOf = (file: string) =>
  "/" +
  path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .join("/")
    .replace(/\[([^\]]+)\]/g, "{$1}");

describe("the OpenAPI description of /api/v1", () => {
  const doc = apiV1Document();
  type Operation = {
    operationId: string;
    parameters: { name: string; in: string }[];
    responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
  };
  const operation = (p: string, method: string) => (doc.paths[p] as Record<string, Operation> | undefined)?.[method];

  it("describes every exported method of every route file under app/api/v1, at the path of its folder, and nothing else", async () => {
    const found: string[] = [];
    for (const file of routeFiles()) {
      const mod = (await import(/* @vite-ignore */ "@/" + file.replace(/\.ts$/, ""))) as Record<string, RouteHandler | undefined>;
      for (const method of METHODS) {
        const handler = mod[method];
        if (!handler) continue;
        const key = `${method.toLowerCase()} ${pathOf(file)}`;
        found.push(key);
        const op = API_V1_OPERATIONS.find((o) => o.definition === handler.definition);
        expect(op && `${op.method} ${op.path}`, `${method} ${file} is not listed in app/api/v1/operations.ts`).toBe(key);
        expect(operation(op!.path, op!.method)?.operationId).toBe(op!.operationId);
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(7);
    expect(API_V1_OPERATIONS.map((o) => `${o.method} ${o.path}`).sort()).toEqual(found.sort());
    expect(new Set(API_V1_OPERATIONS.map((o) => o.operationId)).size).toBe(API_V1_OPERATIONS.length);
  });

  it("is OpenAPI 3.1 whose schemas compile as JSON Schema 2020-12, with every path parameter declared and every error described", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const [name, schema] of Object.entries(doc.components.schemas)) expect(() => ajv.compile(schema), name).not.toThrow();
    for (const op of API_V1_OPERATIONS) {
      const o = operation(op.path, op.method)!;
      const placeholders = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(o.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(placeholders);
      expect(Object.keys(o.responses)).toContain("500");
      if (op.definition.auth !== "public") expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(["401", "403", "404"]));
      for (const r of Object.values(o.responses))
        for (const m of Object.values(r.content ?? {})) expect(() => resolve(m.schema)).not.toThrow();
    }
  });

  it("names both ways in: the session cookie and the bearer API token (only where a token is accepted)", () => {
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["sessionCookie", "apiToken"]);
    const security = (p: string, m: string) => (doc.paths[p] as Record<string, { security: unknown }>)[m].security;
    expect(security("/api/v1/sheets", "post")).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
    expect(security("/api/v1/sheets/versions/{versionId}/review", "post")).toEqual([{ sessionCookie: [] }]);
    expect(security("/api/v1/openapi.json", "get")).toEqual([]);
  });

  it("describes requests as sent (query text before defaults and transforms) and answers as strict objects", () => {
    const upload = operation("/api/v1/sheets", "post")!;
    expect(upload.parameters.find((p) => p.name === "dryRun")).toMatchObject({ in: "query", required: false, schema: { type: "string" } });
    expect(Object.keys(upload.responses)).toEqual(["200", "201", "401", "403", "404", "413", "422", "500"]);
    expect(resolve({ $ref: "#/components/schemas/ListSheets200" })).toMatchObject({
      additionalProperties: false,
      required: ["regionCode", "regionName", "sheets"],
    });
    expect(resolve({ $ref: "#/components/schemas/Error" })).toMatchObject({ additionalProperties: false, required: ["error"] });
  });

  it("is served at GET /api/v1/openapi.json to anyone, without reading a session", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = await GET(new Request("http://portal.example/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
