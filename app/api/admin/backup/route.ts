import { apiRoute } from "@/app/_server/http/api-route";
import { fileResponse } from "@/app/_server/http/route-helpers";
import { BACKUP_CONTENT_TYPE, downloadBackup } from "@/app/_server/system/download-backup";

/** GET: a consistent backup of the embedded database (SYSTEM_ADMIN), restored with `npm run db:restore -- FILE`. */
export const GET = apiRoute(
  { summary: "下载嵌入式数据库的一致备份（系统管理员）", auth: "session", file: [BACKUP_CONTENT_TYPE] },
  async ({ session }) => fileResponse(await downloadBackup(session)),
);
