import { publicationExportQuerySchema, publicationParamsSchema } from "@/app/_domain/schemas/publication";
import { apiRoute } from "@/app/_server/http/api-route";
import { fileResponse } from "@/app/_server/http/route-helpers";
import { tableFile } from "@/app/_server/http/table-file";
import { exportPublication } from "@/app/_server/publications/export-publication";

/**
 * GET ?format=csv|xlsx[&version=n][&institution=CODE]: exactly what the caller sees of the publication (same
 * access as the page: anything it may not see is 404 with no data), suppressed cells kept suppressed.
 */
export const GET = apiRoute(
  {
    summary: "导出一项发布中调用者可见的数据（CSV/xlsx）",
    auth: "session",
    params: publicationParamsSchema,
    query: publicationExportQuerySchema,
  },
  async ({ session, params, query }) =>
    fileResponse(
      await tableFile(
        await exportPublication(session, { id: params.id, version: query.version, institutionCode: query.institution }),
        query.format,
      ),
    ),
);
