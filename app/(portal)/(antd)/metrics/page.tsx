import type { Metadata } from "next";
import Link from "next/link";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getInstitutionComparison } from "@/app/_server/metrics/get-institution-comparison";
import { getMetricsTable } from "@/app/_server/metrics/get-metrics-table";
import { getNarrative } from "@/app/_server/metrics/get-narrative";
import { InstitutionsPanel } from "@/components/metrics/institutions-panel";
import { MetricsTabs, type MetricsTab } from "@/components/metrics/metrics-tabs";
import { MetricsToolbar } from "@/components/metrics/metrics-toolbar";
import { NarrativeEditor } from "@/components/metrics/narrative-editor";
import { RegionMetricsTable } from "@/components/metrics/region-metrics-table";
import { TrendPanel } from "@/components/metrics/trend-panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "指标分析" };

type Search = { region?: string; mode?: string; period?: string; tab?: string; indicator?: string; view?: string; category?: string };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const ALL = "全部";

/**
 * 指标分析: the derived metrics of a region (region staff: their own; supervisors: a region of their province) —
 * the region indicators with a lineage card on every number and a trend chart, the institutions compared with
 * their peers and flagged, and the quarter's 智能解读 draft.
 */
export default async function MetricsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const raw = await searchParams;
  const q: Search = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, one(v)]));
  const asked: MetricsTab = q.tab === "institutions" || q.tab === "narrative" ? q.tab : "region";
  const mode = q.mode === "quarter" || asked === "narrative" ? "quarter" : "month";
  const table = await orNotFound(() => getMetricsTable(session, { regionCode: q.region, period: q.period, mode }));
  // Supervisors read institutions only as published (issue 16, finding 4): no 医疗机构比较 tab.
  const tab: MetricsTab = asked === "institutions" && !table.canReadInstitutions ? "region" : asked;
  const region = table.region.code;
  const period = table.period;

  let content: React.ReactNode;
  if (period === null) content = null;
  else if (tab === "institutions") {
    const comparison = await orNotFound(() =>
      getInstitutionComparison(session, { regionCode: region, period, indicator: q.indicator, view: q.view === "month" ? "month" : "ytd" }),
    );
    content = <InstitutionsPanel data={comparison} />;
  } else if (tab === "narrative") {
    const narrative = await orNotFound(() => getNarrative(session, { regionCode: region, period }));
    content = <NarrativeEditor key={`${region}|${narrative.period}|${narrative.saved?.version ?? 0}`} data={narrative} />;
  } else {
    const indicators = table.categories.flatMap((c) => c.rows).filter((r) => r.schemeCount > 0);
    // One category at a time (a few hundred numbers at once cost the page its speed); 全部 on request.
    const names = table.categories.map((c) => c.name);
    const category = q.category === ALL || names.includes(q.category ?? "") ? q.category! : names[0];
    const href = (c: string) => `/metrics?${new URLSearchParams({ ...q, category: c }).toString()}`;
    content = (
      <>
        <nav className="metric-categories" aria-label="指标类别">
          {[...names, ALL].map((c) => (
            <Link key={c} href={href(c)} aria-current={c === category ? "page" : undefined} data-testid="metric-category">
              {c}
            </Link>
          ))}
        </nav>
        <RegionMetricsTable data={{ ...table, categories: table.categories.filter((c) => category === ALL || c.name === category) }} />
        <TrendPanel
          regionCode={region}
          period={period}
          indicators={indicators.map((r) => ({
            code: r.code,
            scheme: r.scheme,
            nameZh: r.nameZh,
            schemeCount: r.schemeCount,
            basis: r.basis,
          }))}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="指标分析"
        description={`${table.region.name}（${table.region.code}）由审核通过的月度底稿计算的指标；点击任一数字可查看计算公式、输入值及其来源底稿版本。指标目录 ${table.catalogue.code}${table.catalogue.reconstructed ? "（依公开资料重建）" : ""}。`}
      />
      <MetricsToolbar
        regions={table.regions}
        region={region}
        tab={tab}
        mode={mode}
        period={period}
        periods={table.periods}
        quarters={table.quarters}
      />
      {period === null ? (
        <MetricsTabs
          tab={tab}
          institutions={table.canReadInstitutions}
          empty={`${table.region.name}尚无审核通过的月度底稿，没有可分析的指标。`}
        />
      ) : (
        <MetricsTabs tab={tab} institutions={table.canReadInstitutions}>
          {content}
        </MetricsTabs>
      )}
    </>
  );
}
