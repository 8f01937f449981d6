import { institutionImportTemplate } from "@/app/_server/admin/institution-import-template";
import { apiRoute } from "@/app/_server/http/api-route";
import { fileResponse, XLSX_TYPE } from "@/app/_server/http/route-helpers";

/** GET: the .xlsx import template for institutions (SYSTEM_ADMIN). */
export const GET = apiRoute({ summary: "医疗机构导入模板（xlsx）", auth: "session", file: [XLSX_TYPE] }, async ({ session }) => {
  const { fileName, bytes } = await institutionImportTemplate(session);
  return fileResponse({ fileName, contentType: XLSX_TYPE, bytes, asciiName: "institution-import-template.xlsx" });
});
