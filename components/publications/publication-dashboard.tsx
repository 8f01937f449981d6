import type { PublicationView } from "@/app/_domain/publications/types";
import { beijingTime, shortHash } from "@/app/_domain/sheets/display";
import { AcknowledgeButton } from "./acknowledge-button";
import { PanelView } from "./panel-view";
import s from "./dashboard.module.css";

/**
 * A publication as its caller may see it: the region part and the 本院 section, server-rendered HTML with
 * charts drawn as they scroll into view. `versionHref` links another version (/inbox/<id>?version=n for a
 * hospital, the staff editor of that version otherwise); `exportHref` gives the CSV/XLSX download of exactly this view.
 */
export function PublicationDashboard({
  view,
  versionHref,
  exportHref,
  actions,
}: {
  view: PublicationView;
  versionHref: (versionId: string, version: number) => string;
  exportHref?: (format: "csv" | "xlsx") => string;
  actions?: React.ReactNode;
}) {
  const published = view.publishedAt ? `发布于 ${beijingTime(view.publishedAt)}` : "未发布（预览）";
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
      {view.sections.map((section) => (
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
      <p className={s.note}>
        数据口径：{view.catalogue.name}；底稿版本：{view.sheetVersions.map((v) => `${v.period} 第${v.version}版`).join("，") || "—"}
        {view.contentHash && `；内容校验码 ${shortHash(view.contentHash)}`}。小于阈值的人次类数据已按小数保护规则隐藏。
      </p>
    </article>
  );
}
