import { describe, expect, it } from "vitest";
import { API_V1_OPERATIONS, apiV1Document } from "@/app/api/v1/operations";
import { apiDocsView } from "@/components/api-docs/view-model";
import { fieldRows, typeLabel } from "@/components/api-docs/schema-rows";

/** The /api-docs page shows the whole description: every operation, its parameters, bodies and answers. */
describe("the API docs page's view of the description", () => {
  const view = apiDocsView(apiV1Document());
  const operations = view.groups.flatMap((g) => g.operations);

  it("lists every operation once, under its tag, with every answer of the description", () => {
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      API_V1_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort(),
    );
    const upload = operations.find((o) => o.id === "uploadSheet")!;
    expect(upload.auth).toEqual(["会话 Cookie", "API 令牌"]);
    expect(upload.bodies.map((b) => b.contentType)).toEqual(["application/json", "multipart/form-data", "text/csv"]);
    expect(upload.bodies[1].rows.map((r) => r.name)).toEqual(["file", "dryRun", "explanations"]);
    expect(upload.responses.map((r) => [r.status, r.body])).toContainEqual(["422", "UploadSheet422"]);
    expect(operations.find((o) => o.id === "getOpenApi")!.auth).toEqual(["无需登录"]);
  });

  it("spells out nested fields by path, says which case of a union they belong to, and a repeated structure once", () => {
    const rows = view.schemas.find((s) => s.name === "GetPublication200")!.rows;
    expect(rows.map((r) => r.name)).toContain("sections[].panels[].data.cards[].indicator.nameZh");
    expect(rows.find((r) => r.name === "sections[].panels[].data.lines")!.description).toContain('kind = "TREND"');
    expect(rows.find((r) => r.name === "corrects")!.description).toContain("结构同 correctedBy");
    expect(rows.some((r) => r.name.startsWith("corrects."))).toBe(false);
    const reviewParams = operations.find((o) => o.id === "reviewSheetVersion")!.parameters;
    expect(reviewParams).toEqual([expect.objectContaining({ name: "versionId", required: true, type: "string（路径）" })]);
  });

  it("names types as a reader expects", () => {
    expect(typeLabel({ anyOf: [{ type: "string" }, { type: "null" }, { type: "object", properties: { suppressed: {} } }] })).toBe(
      "string | null | { suppressed }",
    );
    expect(typeLabel({ type: "array", items: { type: "integer" } })).toBe("integer[]");
    expect(fieldRows({ type: "object", properties: { n: { type: "integer", minimum: 1, maximum: 9 } }, required: ["n"] })).toEqual([
      { key: "n|", name: "n", type: "integer", required: true, description: "1–9" },
    ]);
  });
});
