import { reviewDecisionSchema, versionParamsSchema } from "@/app/_domain/schemas/sheet";
import { apiRoute } from "@/app/_server/http/api-route";
import { reviewSheet } from "@/app/_server/sheets/review-sheet";

/** POST { decision: "ACCEPT" | "REJECT", comment }: a reviewer's decision (a person's session, never a token). */
export const POST = apiRoute(
  {
    summary: "审核员通过或退回一个底稿版本",
    auth: "session",
    unauthenticated: "审核须由审核员本人登录后进行。",
    params: versionParamsSchema,
    body: reviewDecisionSchema,
  },
  ({ session, params, body }) => reviewSheet(session, { ...(typeof body === "object" ? body : {}), versionId: params.versionId }),
);
