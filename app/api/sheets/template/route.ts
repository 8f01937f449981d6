import { templateQuerySchema } from "@/app/_domain/schemas/sheet";
import { apiRoute } from "@/app/_server/http/api-route";
import { fileResponse, XLSX_TYPE } from "@/app/_server/http/route-helpers";
import { downloadSheetTemplate } from "@/app/_server/sheets/download-sheet-template";

/** GET ?period=YYYY-MM: the region's xlsx template for that month. */
export const GET = apiRoute(
  { summary: "某月的底稿填报模板（xlsx）", auth: "session", query: templateQuerySchema, file: [XLSX_TYPE] },
  async ({ session, query }) => fileResponse(await downloadSheetTemplate(session, { period: query.period })),
);
