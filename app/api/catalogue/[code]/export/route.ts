import { catalogueParamsSchema } from "@/app/_domain/schemas/catalogue";
import { exportQuerySchema } from "@/app/_domain/schemas/common";
import { exportCatalogueVersion } from "@/app/_server/catalogue/export-catalogue-version";
import { apiRoute } from "@/app/_server/http/api-route";
import { fileResponse } from "@/app/_server/http/route-helpers";

/** GET ?format=xlsx|csv: a catalogue version as a file (SYSTEM_ADMIN). */
export const GET = apiRoute(
  { summary: "导出指标目录版本（xlsx/CSV）", auth: "session", params: catalogueParamsSchema, query: exportQuerySchema },
  async ({ session, params, query }) => {
    const file = await exportCatalogueVersion(session, { code: params.code, format: query.format });
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "").replace(/^_+/, "") || `catalogue.${query.format}`;
    return fileResponse({ ...file, asciiName: `catalogue-${ascii}` });
  },
);
