"use client";

import { Card, Tabs } from "antd";
import { useMemo } from "react";
import type { ExplainedIssue } from "@/app/_domain/sheets/report-csv";
import type { SheetVersionDto } from "@/app/_server/sheets/get-sheet-version";
import { IssuesTable } from "./issues-table";
import { InstitutionValuesTable, RegionValuesTable, valueMap } from "./values-tables";
import { VersionDiff } from "./version-diff";

/** The version's content: 区域表, 机构表, 校验提醒 (with the uploader's explanations), 版本比较. */
export function VersionTabs({ v }: { v: SheetVersionDto }) {
  const values = useMemo(() => valueMap(v), [v]);
  const warnings = v.report.warnings as ExplainedIssue[];
  return (
    <Card>
      <Tabs
        items={[
          { key: "region", label: "区域表", children: <RegionValuesTable v={v} values={values} /> },
          { key: "institutions", label: "机构表", children: <InstitutionValuesTable v={v} values={values} /> },
          {
            key: "warnings",
            label: `校验提醒（${warnings.length}）`,
            children: warnings.length ? <IssuesTable issues={warnings} showExplanation /> : "该版本校验时没有提醒。",
          },
          { key: "diff", label: "版本比较", children: <VersionDiff v={v} /> },
        ]}
      />
    </Card>
  );
}
