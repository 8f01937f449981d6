import Link from "next/link";
import type { PublicationListItem } from "@/app/_server/publications/dto";
import { beijingTime } from "@/app/_domain/sheets/display";
import s from "./inbox.module.css";

/** 收到的发布: unread first (the use case orders them), kind and period, 「新」 until opened, 已确认 once acknowledged. */
export function InboxList({ items }: { items: PublicationListItem[] }) {
  if (items.length === 0)
    return <p className={s.empty}>医保数据工作组尚未向本院发布数据。发布后，月推送、季发布和专题分析会出现在这里。</p>;
  return (
    <ul className={s.list} data-testid="inbox-list">
      {items.map((p) => {
        const unread = !p.receipt?.openedAt;
        return (
          <li key={p.id}>
            <Link href={`/inbox/${p.id}`} className={`${s.item} ${unread ? s.unread : ""}`} data-testid="inbox-item">
              <span className={`${s.kind} ${s[p.kind]}`}>{p.kindLabel}</span>
              <span className={s.main}>
                <span className={s.title}>
                  {unread && (
                    <span className={s.new} data-testid="badge-new">
                      新
                    </span>
                  )}
                  {p.title}
                </span>
                <span className={s.meta}>
                  <span>{p.period.label}</span>
                  <span>发布于 {beijingTime(p.publishedAt)}</span>
                  {p.version > 1 && <span className={s.corrected}>更正版（第 {p.version} 版）</span>}
                </span>
              </span>
              <span className={s.state}>
                {p.receipt?.acknowledgedAt ? (
                  <span className={s.done}>✓ 已确认</span>
                ) : unread ? (
                  "未读"
                ) : (
                  <span className={s.todo}>待确认</span>
                )}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
