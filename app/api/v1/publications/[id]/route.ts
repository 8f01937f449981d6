import { publicationParamsSchema, publicationQuerySchema } from "@/app/_domain/schemas/publication";
import { publicationViewSchema } from "@/app/_domain/schemas/publication-responses";
import { apiRoute } from "@/app/_server/http/api-route";
import { getPublication } from "@/app/_server/publications/get-publication";

/**
 * GET ?version=n&institution=CODE → PublicationView (app/_domain/publications/types.ts): the snapshot as the
 * caller may see it — a hospital the region part and its own 本院 part; anything it may not see is 404 with no data.
 */
export const GET = apiRoute(
  {
    summary: "一项发布的冻结快照（调用者可见部分：统筹区部分及本院部分）",
    description: "医院用户看到统筹区部分及本院部分；调用者无权查看的发布一律答 404，不含任何数据。version 缺省为调用者可见的最新版本。",
    auth: "session-or-token",
    params: publicationParamsSchema,
    query: publicationQuerySchema,
    response: publicationViewSchema,
  },
  ({ session, params, query }) => getPublication(session, { id: params.id, version: query.version, institutionCode: query.institution }),
);
