import Link from "next/link";
import type { PublicationView } from "@/app/_domain/publications/types";
import { beijingTime, shortHash } from "@/app/_domain/sheets/display";
import { AcknowledgeButton } from "./acknowledge-button";
import { PanelView } from "./panel-view";
import s from "./dashboard.module.css";

/** `section` value of the page that shows every section. */
export const ALL_SECTIONS = "all";

/**
 * A publication as its caller may see it: the region part and the 本院 section, server-rendered HTML with
 * charts drawn as they scroll into view. `versionHref` links another version (/inbox/<id>?version=n for a
 * hospital, the staff editor of that version otherwise); `exportHref` gives the CSV/XLSX download of exactly this view.
 * With `sectionHref` (the hospital's page) it is read one section at a time — `section`, the first by default,
 * or ALL_SECTIONS — under a bar of the sections' titles: a page of a quarterly release stays small and quick on a
 * phone. Without it (staff previews) every section is shown.
 */
export function PublicationDashboard({
  view,
  versionHref,
  exportHref,
  sectionHref,
  section,
  actions,
}: {
  view: PublicationView;
  versionHref: (versionId: string, version: number) => string;
  exportHref?: (format: "csv" | "xlsx") => string;
  sectionHref?: (sectionId: string) => string;
  section?: string;
  actions?: React.ReactNode;
}) {
  const published = view.publishedAt ? `发布于 ${beijingTime(view.publishedAt)}` : "未发布（预览）";
  const paged = !!sectionHref && view.sections.length > 1;
  const current =
    !paged || section === ALL_SECTIONS ? ALL_SECTIONS : view.sections.some((x) => x.id === section) ? section! : view.sections[0]!.id;
  const shown = current === ALL_SECTIONS ? view.sections : view.sections.filter((x) => x.id === current);
  const next = current === ALL_SECTIONS ? undefined : view.sections[view.sections.findIndex((x) => x.id === current) + 1];
  return (
    <article className={s.page} data-testid="publication-dashboard">
      {view.correctedBy && (
        <div className={`${s.banner} ${s.warn}`} role="alert" data-testid="corrected-banner">
          <strong>已更正：</strong>本版（第 {view.version} 版）已被第 {view.correctedBy.version} 版更正，原因：{view.correctedBy.reason}。{" "}
          <a href={versionHref(view.correctedBy.versionId, view.correctedBy.version)}>查看更正后的第 {view.correctedBy.version} 版 →</a>
        </div>
      )}
      {view.corrects && (
        <div className={`${s.banner} ${s.info}`} data-testid="correction-note">
          本版为更正版，更正了第 {view.corrects.version} 版：{view.corrects.reason.replace(/[。.]$/, "")}。{" "}
          <a href={versionHref(view.corrects.versionId, view.corrects.version)}>查看原第 {view.corrects.version} 版</a>
        </div>
      )}
      <header className={s.head}>
        <div style={{ minWidth: 0 }}>
          <h1 className={s.title}>{view.title}</h1>
          <p className={s.meta}>
            <span>{view.kindLabel}</span>
            <span>{view.period.label}</span>
            <span>{view.region.name}医保数据工作组</span>
            <span>{published}</span>
            <span>第 {view.version} 版</span>
            {view.institution && (
              <span>
                本院：{view.institution.name}（{view.institution.levelLabel}）
              </span>
            )}
          </p>
        </div>
        <div className={s.actions}>
          {actions}
          {view.receipt && <AcknowledgeButton id={view.id} acknowledgedAt={view.receipt.acknowledgedAt} disabled={!!view.correctedBy} />}
          {exportHref && (
            <>
              <a className={s.button} href={exportHref("xlsx")} download data-testid="export-xlsx">
                导出 Excel
              </a>
              <a className={s.button} href={exportHref("csv")} download data-testid="export-csv">
                导出 CSV
              </a>
            </>
          )}
        </div>
      </header>
      {paged && (
        <nav className={s.sectionNav} aria-label="本期内容" data-testid="section-nav">
          {[...view.sections, { id: ALL_SECTIONS, title: "全部", scope: "REGION" }].map((x) => (
            <Link
              key={x.id}
              href={sectionHref(x.id)}
              prefetch={false}
              aria-current={x.id === current ? "page" : undefined}
              className={x.scope === "OWN" ? s.ownLink : undefined}
            >
              {x.title}
            </Link>
          ))}
        </nav>
      )}
      {shown.map((section) => (
        <section
          key={section.id}
          className={`${s.section} ${section.scope === "OWN" ? s.own : ""}`}
          data-section={section.scope}
          aria-labelledby={`sec-${section.id}`}
        >
          <h2 className={s.sectionTitle} id={`sec-${section.id}`}>
            {section.title}
            {section.scope === "OWN" && <span className={s.ownTag}>仅本院可见</span>}
          </h2>
          <div className={`${s.panels} ${s.charts}`}>
            {section.panels.map((p) => (
              <PanelView key={p.id} panel={p} view={view} />
            ))}
          </div>
        </section>
      ))}
      {paged && next && (
        <Link className={s.nextSection} href={sectionHref(next.id)} prefetch={false} data-testid="next-section">
          下一部分：{next.title} →
        </Link>
      )}
      <p className={s.note}>
        数据口径：{view.catalogue.name}；底稿版本：{view.sheetVersions.map((v) => `${v.period} 第${v.version}版`).join("，") || "—"}
        {view.contentHash && `；内容校验码 ${shortHash(view.contentHash)}`}。小于阈值的人次类数据已按小数保护规则隐藏。
      </p>
    </article>
  );
}
