import Link from "next/link";
import { monthLabel } from "@/app/_domain/periods";
import { STATUS_LABELS } from "@/app/_domain/publications/types";
import { beijingTime } from "@/app/_domain/sheets/display";
import type { DueDto } from "@/app/_server/publications/dto";
import s from "./due-list.module.css";

const SHEET_STATUS = { MISSING: "尚未上传", VALIDATED: "已上传，待审核", ACCEPTED: "已接收", REJECTED: "已退回，待重新上传" } as const;

/** 待办: the month's sheet, sheets waiting for review, drafts waiting for review or publishing, embargoes about to lift. */
export function DueList({ due }: { due: DueDto }) {
  const items: { key: string; tone: "todo" | "done"; text: React.ReactNode; href: string; when?: string }[] = [
    {
      key: "sheet",
      tone: due.sheet.status === "ACCEPTED" ? "done" : "todo",
      text: `${due.sheet.label}底稿：${SHEET_STATUS[due.sheet.status]}`,
      href: "/sheets",
    },
    ...due.sheetsAwaitingReview.map((v) => ({
      key: v.versionId,
      tone: "todo" as const,
      text: `${monthLabel(v.period)}底稿第 ${v.version} 版待审核`,
      href: `/sheets/${v.versionId}`,
      when: `上传于 ${beijingTime(v.uploadedAt)}`,
    })),
    ...due.drafts.map((d) => ({
      key: d.versionId,
      tone: "todo" as const,
      text: `${d.title}（${STATUS_LABELS[d.status]}）`,
      href: `/publications/${d.versionId}`,
      when: `更新于 ${beijingTime(d.updatedAt)}`,
    })),
    ...due.embargoes.map((e) => ({
      key: `e${e.versionId}`,
      tone: "todo" as const,
      text: `${e.title} 将于 ${beijingTime(e.embargoUntil)} 解禁`,
      href: `/publications/${e.versionId}`,
    })),
  ];
  return (
    <section className={s.box} data-testid="due-list">
      <h2 className={s.title}>待办事项</h2>
      <ul className={s.list}>
        {items.map((i) => (
          <li key={i.key}>
            <Link href={i.href} className={s.item}>
              <span className={`${s.dot} ${s[i.tone]}`} aria-hidden />
              <span className={s.text}>{i.text}</span>
              {i.when && <span className={s.when}>{i.when}</span>}
            </Link>
          </li>
        ))}
      </ul>
      {items.length === 1 && items[0]!.tone === "done" && <p className={s.when}>暂无其他待办。</p>}
    </section>
  );
}
