import type { Metadata } from "next";
import { LEVEL_LABELS, TYPE_LABELS } from "@/app/_domain/institutions";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getOwnInstitution } from "@/app/_server/home/get-own-institution";
import { listPublications } from "@/app/_server/publications/list-publications";
import { InboxList } from "@/components/publications/inbox-list";
import s from "@/components/publications/inbox.module.css";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "本院数据" };

export default async function Inbox() {
  const session = await requireSession();
  const [i, items] = await Promise.all([orNotFound(() => getOwnInstitution(session)), orNotFound(() => listPublications(session))]);
  const unread = items.filter((p) => !p.receipt?.openedAt).length;
  return (
    <>
      <PageHeader title={i.name} description={`${i.regionName}医保数据工作组发布给本院的数据`} />
      <p className={s.institution}>
        <span>机构编码 {i.code}</span>
        <span>{LEVEL_LABELS[i.level]}</span>
        <span>{TYPE_LABELS[i.type]}</span>
        <span>
          {i.regionName}（{i.regionCode}）{i.district ? ` · ${i.district}` : ""}
        </span>
      </p>
      <h2 className={s.heading}>收到的发布{unread > 0 && `（${unread} 份未读）`}</h2>
      <InboxList items={items} />
    </>
  );
}
