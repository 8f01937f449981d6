import { bodyRows, constraints, type FieldRow, type JsonSchema, typeLabel } from "./schema-rows";

/**
 * The OpenAPI document as the /api-docs page shows it: operations grouped by tag with their parameters, bodies
 * and answers as rows, and each named data structure once (answers refer to it by name). Pure, run on the server.
 */

interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}
export interface OpenApiLike {
  info: { title: string; description?: string };
  tags: { name: string; description: string }[];
  paths: Record<string, unknown>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, { description?: string }> };
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  /** How a caller gets in: 无需登录, 会话 Cookie, API 令牌. */
  auth: string[];
  parameters: FieldRow[];
  bodies: { contentType: string; type: string; description: string; rows: FieldRow[] }[];
  responses: { key: string; status: string; description: string; body: string | null }[];
}
export interface ApiDocsView {
  title: string;
  description: string;
  groups: { tag: string; description: string; operations: OperationView[] }[];
  /** Each named structure, with the answers that use it ("GET /api/v1/sheets 200"). */
  schemas: { name: string; usedBy: string[]; rows: FieldRow[] }[];
  security: { name: string; label: string; description: string }[];
}

const AUTH_LABELS: Record<string, string> = { sessionCookie: "会话 Cookie", apiToken: "API 令牌" };
const refName = (ref: string) => ref.replace("#/components/schemas/", "");

function operationView(path: string, method: string, o: Operation): OperationView {
  return {
    id: o.operationId,
    method: method.toUpperCase(),
    path,
    summary: o.summary,
    description: o.description ?? null,
    auth: o.security.length ? o.security.flatMap((s) => Object.keys(s).map((k) => AUTH_LABELS[k] ?? k)) : ["无需登录"],
    parameters: o.parameters.map((p) => ({
      key: `${p.in}:${p.name}`,
      name: p.name,
      type: `${typeLabel(p.schema)}（${p.in === "path" ? "路径" : "查询"}）`,
      required: p.required,
      description: [p.description, constraints(p.schema)].filter(Boolean).join("；"),
    })),
    bodies: Object.entries(o.requestBody?.content ?? {}).map(([contentType, { schema }]) => ({
      contentType,
      type: typeLabel(schema),
      description: (schema.description as string | undefined) ?? "",
      rows: schema.type === "string" ? [] : bodyRows(schema),
    })),
    responses: Object.entries(o.responses).map(([status, r]) => {
      const schema = r.content?.["application/json"]?.schema;
      return { key: status, status, description: r.description, body: schema?.$ref ? refName(String(schema.$ref)) : null };
    }),
  };
}

export function apiDocsView(doc: OpenApiLike): ApiDocsView {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, o]) => ({ tag: o.tags[0], view: operationView(path, method, o) })),
  );
  const usedBy = (name: string) => {
    const uses = operations.flatMap(({ view }) =>
      view.responses.filter((r) => r.body === name).map((r) => ({ op: `${view.method} ${view.path}`, status: r.status })),
    );
    // The error body answers almost everything: say which statuses instead of listing every operation.
    if (new Set(uses.map((u) => u.op)).size > 3)
      return [`各接口的错误响应（${[...new Set(uses.map((u) => u.status))].sort().join("、")}）`];
    return uses.map((u) => `${u.op} → ${u.status}`);
  };
  return {
    title: doc.info.title,
    description: doc.info.description ?? "",
    groups: doc.tags.map((t) => ({
      tag: t.name,
      description: t.description,
      operations: operations.filter((o) => o.tag === t.name).map((o) => o.view),
    })),
    schemas: Object.entries(doc.components.schemas).map(([name, schema]) => ({ name, usedBy: usedBy(name), rows: bodyRows(schema) })),
    security: Object.entries(doc.components.securitySchemes).map(([name, s]) => ({
      name,
      label: AUTH_LABELS[name] ?? name,
      description: s.description ?? "",
    })),
  };
}
