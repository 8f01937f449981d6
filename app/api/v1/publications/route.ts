import { publicationListQuerySchema } from "@/app/_domain/schemas/publication";
import { publicationListResponseSchema } from "@/app/_domain/schemas/publication-responses";
import { apiRoute } from "@/app/_server/http/api-route";
import { listPublications } from "@/app/_server/publications/list-publications";

/** GET ?kind= → { publications }: what the caller may see, as on the inbox and publications pages (same use case). */
export const GET = apiRoute(
  {
    summary: "调用者可见的发布列表（月推送、季发布、专题分析），与收件箱/发布页同一授权",
    description:
      "每项发布一行（调用者可见的最新版本），最新期间在前。kind 按类型筛选；status 仅对本统筹区工作人员有效；无法识别的值被忽略。",
    auth: "session-or-token",
    query: publicationListQuerySchema,
    response: publicationListResponseSchema,
  },
  async ({ session, query }) => ({ publications: await listPublications(session, query) }),
);
