import { openApiDocumentSchema } from "@/app/_domain/schemas/common";
import type { AnyRouteDefinition } from "@/app/_server/http/api-route";
import { openApiDocument, type ApiOperation } from "@/app/_server/http/openapi";
import * as publication from "./publications/[id]/route";
import * as publications from "./publications/route";
import * as regionMetrics from "./regions/[regionCode]/metrics/route";
import * as sheetReview from "./sheets/versions/[versionId]/review/route";
import * as sheets from "./sheets/route";

/**
 * Every operation of /api/v1, for its OpenAPI description (app/_server/http/openapi.ts). A route file added
 * under app/api/v1 without a line here fails test/unit/openapi.test.ts, which walks the folder.
 */

/** GET /api/v1/openapi.json: public — it holds no data (see its route file). Declared here, where it is listed. */
export const openApiRoute = {
  summary: "本接口说明（OpenAPI 3.1，JSON）",
  description: "无需登录即可读取：其中只有接口的形状，没有任何数据。门户内的中文版见 /api-docs。",
  auth: "public" as const,
  response: openApiDocumentSchema,
} satisfies AnyRouteDefinition;

export const API_V1_OPERATIONS: readonly ApiOperation[] = [
  { method: "get", path: "/api/v1/sheets", operationId: "listSheets", tag: "底稿", definition: sheets.GET.definition },
  { method: "post", path: "/api/v1/sheets", operationId: "uploadSheet", tag: "底稿", definition: sheets.POST.definition },
  {
    method: "post",
    path: "/api/v1/sheets/versions/{versionId}/review",
    operationId: "reviewSheetVersion",
    tag: "底稿",
    definition: sheetReview.POST.definition,
  },
  {
    method: "get",
    path: "/api/v1/regions/{regionCode}/metrics",
    operationId: "getRegionMetrics",
    tag: "指标",
    definition: regionMetrics.GET.definition,
  },
  { method: "get", path: "/api/v1/publications", operationId: "listPublications", tag: "发布", definition: publications.GET.definition },
  { method: "get", path: "/api/v1/publications/{id}", operationId: "getPublication", tag: "发布", definition: publication.GET.definition },
  { method: "get", path: "/api/v1/openapi.json", operationId: "getOpenApi", tag: "说明", definition: openApiRoute },
];

let document: ReturnType<typeof openApiDocument> | undefined;
/** The description, built once per process (it depends on the code only). */
export const apiV1Document = () => (document ??= openApiDocument(API_V1_OPERATIONS));
