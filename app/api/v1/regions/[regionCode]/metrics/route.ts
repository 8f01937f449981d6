import { NextResponse } from "next/server";
import { apiSession } from "@/app/_server/http/api-session";
import { errorResponse } from "@/app/_server/http/route-helpers";
import { getRegionMetricsForPeriod } from "@/app/_server/metrics/get-region-metrics";

/** GET ?period=YYYY-MM or ?period=2025Q2 → { region, period, catalogue, values: [...] } (fields: docs/metrics.md). */
export async function GET(request: Request, { params }: { params: Promise<{ regionCode: string }> }) {
  try {
    const session = await apiSession(request);
    if (!session) return NextResponse.json({ error: "未登录或 API 令牌无效。" }, { status: 401 });
    const { regionCode } = await params;
    const period = new URL(request.url).searchParams.get("period") ?? "";
    return NextResponse.json(await getRegionMetricsForPeriod(session, { regionCode, period }), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e, "v1/metrics");
  }
}
