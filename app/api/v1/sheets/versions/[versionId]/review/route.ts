import { reviewDecisionSchema, versionParamsSchema } from "@/app/_domain/schemas/sheet";
import { sheetReviewedSchema } from "@/app/_domain/schemas/sheet-responses";
import { apiRoute } from "@/app/_server/http/api-route";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";

/** POST { decision: "ACCEPT" | "REJECT", comment }: a reviewer's decision (a person's session, never a token). */
export const POST = apiRoute(
  {
    summary: "审核员通过或退回一个底稿版本",
    description:
      "须由审核员本人以浏览器会话提交（API 令牌不可用）；不能审核自己上传的版本（422）。通过时替代该月原通过版本，并重新计算指标。",
    auth: "session",
    unauthenticated: "审核须由审核员本人登录后进行。",
    params: versionParamsSchema,
    body: reviewDecisionSchema,
    response: sheetReviewedSchema,
    responses: { 409: { description: "该版本已通过、被退回或被替代，不能再审核" } },
  },
  ({ session, params, body }) => reviewSheet(session, { ...(typeof body === "object" ? body : {}), versionId: params.versionId }),
);
