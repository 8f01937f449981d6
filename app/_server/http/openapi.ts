import { errorBodySchema } from "@/app/_domain/schemas/common";
import { z } from "@/app/_domain/zod";
import type { AnyRouteDefinition } from "./api-route";

/**
 * The OpenAPI 3.1 description of /api/v1, built from the routes' own definitions (apiRoute) and their zod
 * schemas with zod's z.toJSONSchema (draft 2020-12, OpenAPI 3.1's dialect) — nothing is written twice. Requests
 * are described as a caller sends them (io: "input": before defaults and transforms), answers as the server
 * sends them (io: "output"). The errors every route can give follow from its definition (see standardErrors).
 */

export type JsonSchema = { [key: string]: unknown };
export interface ApiOperation {
  method: "get" | "post";
  /** The OpenAPI path: the route's folder under app/, `[name]` as `{name}`. */
  path: string;
  operationId: string;
  tag: string;
  definition: AnyRouteDefinition;
}

export const API_TAGS = [
  { name: "底稿", description: "月度底稿的上传、版本与审核" },
  { name: "指标", description: "统筹区的月度、季度指标值" },
  { name: "发布", description: "月推送、季发布、专题分析的冻结快照" },
  { name: "说明", description: "本接口说明本身" },
];

export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description:
      "浏览器登录后的会话 Cookie（以 HTTPS 部署时名为 __Secure-next-auth.session-token）。以 Cookie 发起的写请求须带与站点一致的 Origin 请求头，否则答 403。",
  },
  apiToken: {
    type: "http",
    scheme: "bearer",
    description:
      "API 令牌（以 ld_ 开头），由数据填报员在「月度底稿 › API 令牌」页创建，只显示一次。请求头 Authorization: Bearer <令牌>。令牌以创建者身份、仅以数据填报员角色访问创建者所在统筹区；撤销、创建者停用或失去该角色后即失效。",
  },
} as const;

const ERROR_REF = { $ref: "#/components/schemas/Error" };

/** A zod schema as a JSON Schema of OpenAPI 3.1 (its dialect is the document's jsonSchemaDialect). */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** The errors a route can answer, from what its definition says it accepts (api-route.ts maps them). */
function standardErrors(d: AnyRouteDefinition, method: string): Record<number, string> {
  const out: Record<number, string> = {};
  if (d.auth !== "public") {
    out[401] =
      d.auth === "session-or-token"
        ? "未登录或 API 令牌无效（响应头 WWW-Authenticate: Bearer）"
        : "未登录；本接口须本人以浏览器登录，API 令牌不可用";
    out[403] =
      method === "post" ? "无权执行此操作；或以 Cookie 发起的请求来自其他站点" : "无权执行此操作（如登录后尚须修改密码或绑定多因素认证）";
    out[404] = "对象不存在或调用者无权查看（两者不作区分，不透露其他统筹区、机构的数据）";
  }
  if (d.body || d.upload || d.raw) out[413] = "请求体超过上限";
  if (d.params || d.query || d.body || d.upload || d.raw) out[422] = "输入有误：error 为第一条说明，fieldErrors 为逐字段说明";
  out[500] = "意外错误：已记入服务器日志，requestId 为请求编号（联系系统管理员时提供）";
  return out;
}

/** Path or query parameters from an object schema: one per property. */
function parameters(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const s = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (s.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** A multipart form: the `file` field and the form's text fields. */
function formSchema(fields: z.ZodType | undefined): JsonSchema {
  const text = fields ? (jsonSchema(fields, "input") as { properties?: JsonSchema; required?: string[] }) : {};
  return {
    type: "object",
    properties: { file: { type: "string", contentMediaType: "application/octet-stream", description: "上传的文件" }, ...text.properties },
    required: ["file", ...(text.required ?? [])],
  };
}

function requestBody(d: AnyRouteDefinition) {
  const content: Record<string, { schema: JsonSchema }> = {};
  if (d.body) content["application/json"] = { schema: jsonSchema(d.body, "input") };
  if (d.upload) content["multipart/form-data"] = { schema: formSchema(d.upload.fields) };
  for (const type of d.raw?.contentTypes ?? []) {
    const schema = d.raw?.schemas?.[type];
    content[type] = {
      schema: type === "multipart/form-data" ? formSchema(schema) : schema ? jsonSchema(schema, "input") : { type: "string" },
    };
  }
  return Object.keys(content).length ? { required: true, content } : undefined;
}

/** Builds the document. Response bodies become named components (e.g. ListSheets200) that operations refer to. */
export function openApiDocument(operations: readonly ApiOperation[]) {
  const components: Record<string, JsonSchema> = { Error: jsonSchema(errorBodySchema, "output") };
  const names = new Map<z.ZodType, string>();
  const component = (schema: z.ZodType, name: string) => {
    if (!names.has(schema)) {
      names.set(schema, name);
      components[name] = jsonSchema(schema, "output");
    }
    return { $ref: `#/components/schemas/${names.get(schema)}` };
  };
  const json = (schema: { $ref: string }) => ({ content: { "application/json": { schema } } });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const d = op.definition;
    const name = op.operationId[0].toUpperCase() + op.operationId.slice(1);
    const responses: Record<string, unknown> = {};
    if (d.response) responses[200] = { description: "成功", ...json(component(d.response, `${name}200`)) };
    else if (d.file)
      responses[200] = {
        description: "文件",
        content: Object.fromEntries(d.file.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])),
      };
    for (const [status, description] of Object.entries(standardErrors(d, op.method)))
      responses[status] = { description, ...json(ERROR_REF) };
    for (const [status, r] of Object.entries(d.responses ?? {}))
      responses[status] = { description: r.description, ...json(r.body ? component(r.body, `${name}${status}`) : ERROR_REF) };
    const body = requestBody(d);
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: d.summary,
      ...(d.description ? { description: d.description } : {}),
      security: d.auth === "public" ? [] : d.auth === "session" ? [{ sessionCookie: [] }] : [{ sessionCookie: [] }, { apiToken: [] }],
      parameters: [...parameters(d.params, "path"), ...parameters(d.query, "query")],
      ...(body ? { requestBody: body } : {}),
      responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))),
    };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "亮底 Liangdi 接口（/api/v1）",
      version: "1",
      description:
        "医保数据发布门户的系统对接接口。请求与响应均为 JSON（UTF-8），时间为 ISO 8601，金额等数值为十进制文字以免精度损失。每个响应带 x-request-id 头；出错时响应体为 { error, fieldErrors?, requestId? }，error 为中文说明。",
    },
    servers: [{ url: "/" }],
    tags: API_TAGS,
    paths,
    components: { schemas: components, securitySchemes: SECURITY_SCHEMES },
  };
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
