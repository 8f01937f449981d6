import { NextResponse } from "next/server";
import { z } from "@/app/_domain/zod";
import { getSession } from "../auth/current-session";
import { clientIp, requestId as readRequestId } from "../auth/request-context";
import type { Session } from "../auth/session";
import { sessionFromApiToken } from "../auth/api-token-session";
import { AppError, fromZod, UNEXPECTED_ERROR_MESSAGE } from "../errors";
import { assertSameOrigin, readBodyCapped, readUploadForm } from "./route-helpers";

/**
 * The one way into a route handler (dub's `withWorkspace` is the model). A route declares what it accepts —
 * who may call it, and the zod schemas of its path, query and body (all in app/_domain/schemas) — and gets
 * them parsed; the handler is left with the use case call:
 *
 *   export const GET = apiRoute(
 *     { summary: "…", auth: "session-or-token", params: regionParamsSchema, query: regionMetricsQuerySchema },
 *     ({ session, params, query }) => getRegionMetrics(session, { regionCode: params.regionCode, period: query.period }),
 *   );
 *
 * The wrapper: resolves the caller (a bearer API token where `auth` allows it, else the session cookie, whose
 * state-changing requests must come from our own origin — ASVS 3.5.1); answers 401 without one; parses
 * params, query and upload fields (a zod failure is 422 with one message per field) and reads the JSON body;
 * runs the handler; maps an AppError
 * to its status and `{ error, fieldErrors? }`; logs anything else with the request id and answers the generic
 * 500. Every answer carries `x-request-id` and `cache-control: no-store`. A handler returning a plain value
 * answers it as JSON with 200; it returns a Response for files or other statuses.
 *
 * The declaration stays readable on the exported handler (`GET.definition`), so the OpenAPI description is
 * collected from the route files and their schemas instead of being written twice (app/api/v1/operations.ts,
 * ./openapi.ts).
 */

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

/**
 * "session": a person signed in through the browser (a bearer token is refused). "session-or-token": the
 * public API, also open to systems holding an API token (docs/product.md §4). "public": no caller needed and
 * none read — only for what holds no data (the API description itself).
 */
export type RouteAuth = "session" | "session-or-token" | "public";

export interface UploadSpec<F extends Schema | undefined = Schema | undefined> {
  /** The file's size limit; the whole form may exceed it by a little (boundaries, text fields). */
  maxFileBytes: number;
  /** The text fields of the form (everything except `file`). */
  fields?: F;
}

export interface RawBodySpec {
  /** The content types the handler understands (documentation; the handler checks). */
  contentTypes: readonly string[];
  /** The body's schema per content type, for the API description (a multipart form also has `file`). */
  schemas?: Partial<Record<string, Schema>>;
  maxBytes: number;
  /** The message of a body over the limit. */
  tooBig: string;
}

export interface RouteDefinition<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  U extends UploadSpec | undefined,
  A extends RouteAuth = RouteAuth,
> {
  /** One line: what the route does (the API description's summary). */
  summary: string;
  /** More: what the caller sees, when, and how (the API description's description). */
  description?: string;
  auth: A;
  /** The 401 message, when the default ("请先登录。" / "未登录或 API 令牌无效。") would mislead. */
  unauthenticated?: string;
  params?: P;
  query?: Q;
  /**
   * A JSON body's schema. The handler gets the JSON as sent and the use case parses it after its guard, so
   * that a caller who may not act is refused (403/404) before learning what a valid body looks like.
   */
  body?: B;
  /** A multipart/form-data upload with a `file` field. */
  upload?: U;
  /** A body the handler reads itself from bytes (several content types). */
  raw?: RawBodySpec;
  /** The shape of the 200 JSON answer (documentation: not checked at run time; the contract test checks it). */
  response?: Schema;
  /**
   * Answers besides the 200 `response` and the errors the wrapper gives (401, 403, 404, 413, 422, 500: see
   * openapi.ts): status → when, and its body (the error body `{ error }` when left out), e.g. 201, or 409.
   */
  responses?: Record<number, { description: string; body?: Schema }>;
  /** A file answer: its content types (documentation). */
  file?: readonly string[];
}

export interface RouteContext<P, Q, B, U, A extends RouteAuth = RouteAuth> {
  request: Request;
  /** The caller; none on a public route. */
  session: A extends "public" ? null : Session;
  requestId: string;
  params: Out<P>;
  query: Out<Q>;
  /** The JSON body as sent (see RouteDefinition.body): the use case parses it. */
  body: B extends Schema ? unknown : undefined;
  upload: U extends UploadSpec<infer F> ? { file: File; bytes: Buffer; fields: Out<F> } : undefined;
  /** The body's bytes and content type, for a `raw` route. */
  raw: { bytes: Buffer; contentType: string } | undefined;
}

type NextContext = { params?: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = ((request?: Request, context?: NextContext) => Promise<Response>) & {
  definition: AnyRouteDefinition;
};
export type AnyRouteDefinition = RouteDefinition<Schema | undefined, Schema | undefined, Schema | undefined, UploadSpec | undefined>;

/** JSON bodies are small (decisions, forms); sheets come through `raw` or `upload` with their own limits. */
const JSON_MAX_BYTES = 1024 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD"]);

export function apiRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  U extends UploadSpec | undefined = undefined,
  A extends RouteAuth = RouteAuth,
>(definition: RouteDefinition<P, Q, B, U, A>, handler: (ctx: RouteContext<P, Q, B, U, A>) => Promise<Response | object>): RouteHandler {
  // Next passes (request, { params }); a test may call a route without a request.
  const run = async (request: Request = new Request("http://localhost/"), context: NextContext = {}) => {
    let id = readRequestId(request.headers);
    try {
      const session = definition.auth === "public" ? null : await resolveSession(request, definition.auth, id);
      if (definition.auth !== "public" && !session) return unauthenticated(definition, id);
      if (session) id = session.requestId;
      const ctx = {
        request,
        session,
        requestId: id,
        params: definition.params?.parse((await context.params) ?? {}),
        query: definition.query?.parse(Object.fromEntries(new URL(request.url).searchParams)),
        body: definition.body ? await readJson(request) : undefined,
        upload: definition.upload ? await readUpload(request, definition.upload) : undefined,
        raw: definition.raw ? await readRaw(request, definition.raw) : undefined,
      } as RouteContext<P, Q, B, U, A>;
      const result = await handler(ctx);
      return withStandardHeaders(result instanceof Response ? result : NextResponse.json(result), id);
    } catch (e) {
      return errorAnswer(e, request, id);
    }
  };
  return Object.assign(run, { definition: definition as AnyRouteDefinition });
}

/**
 * A bearer token where the route allows one (a token on a browser-only route gets no session: review is a
 * person's act). Otherwise the cookie session, after the origin check for state-changing requests.
 */
async function resolveSession(request: Request, auth: Exclude<RouteAuth, "public">, id: string): Promise<Session | null> {
  const authorization = request.headers.get("authorization");
  if (authorization)
    return auth === "session-or-token" ? sessionFromApiToken(authorization, { ip: clientIp(request.headers), requestId: id }) : null;
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return getSession();
}

function unauthenticated(definition: AnyRouteDefinition, id: string) {
  const token = definition.auth === "session-or-token";
  const error = definition.unauthenticated ?? (token ? "未登录或 API 令牌无效。" : "请先登录。");
  return withStandardHeaders(NextResponse.json({ error }, { status: 401, headers: token ? { "www-authenticate": "Bearer" } : {} }), id);
}

async function readJson(request: Request): Promise<unknown> {
  const bytes = await readBodyCapped(request, JSON_MAX_BYTES, `请求体超过 ${JSON_MAX_BYTES / 1024 / 1024} MB 的上限。`);
  const text = Buffer.from(bytes).toString("utf8").trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "请求体不是有效的 JSON。");
  }
}

async function readUpload(request: Request, spec: UploadSpec) {
  const { form, file } = await readUploadForm(request, spec.maxFileBytes);
  const text: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string") text[k] = v;
  return { file, bytes: Buffer.from(await file.arrayBuffer()), fields: spec.fields?.parse(text) };
}

async function readRaw(request: Request, spec: RawBodySpec) {
  return {
    bytes: Buffer.from(await readBodyCapped(request, spec.maxBytes, spec.tooBig)),
    contentType: request.headers.get("content-type") ?? "",
  };
}

function withStandardHeaders(response: Response, id: string): Response {
  response.headers.set("x-request-id", id);
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}

/** AppError → its status and message; ZodError → 422 with field messages; anything else → logged, generic 500. */
function errorAnswer(e: unknown, request: Request, id: string): Response {
  const known = e instanceof z.ZodError ? fromZod(e) : e;
  if (known instanceof AppError) {
    const fieldErrors = Object.keys(known.fieldErrors).length ? { fieldErrors: known.fieldErrors } : {};
    return withStandardHeaders(NextResponse.json({ error: known.message, ...fieldErrors }, { status: known.status }), id);
  }
  console.error(`[${request.method} ${new URL(request.url).pathname}] request ${id}: unexpected error`, e);
  return withStandardHeaders(NextResponse.json({ error: UNEXPECTED_ERROR_MESSAGE, requestId: id }, { status: 500 }), id);
}
