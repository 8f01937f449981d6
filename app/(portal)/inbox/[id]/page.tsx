import type { Metadata } from "next";
import { requireSession } from "@/app/_server/auth/current-session";
import { orNotFound } from "@/app/_server/auth/page-guard";
import { getPublication } from "@/app/_server/publications/get-publication";
import { PublicationDashboard } from "@/components/publications/publication-dashboard";

export const metadata: Metadata = { title: "数据发布" };

/**
 * A publication as this hospital user sees it (opening it records the receipt), one section at a time
 * (?section=<id>, or all); ?version=n for an older version.
 */
export default async function PublicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string; section?: string }>;
}) {
  const session = await requireSession();
  const { id } = await params;
  const { version, section } = await searchParams;
  const v = version && /^\d{1,6}$/.test(version) ? Number(version) : undefined;
  const view = await orNotFound(() => getPublication(session, { id, version: v }));
  const suffix = v ? `&version=${v}` : "";
  return (
    <PublicationDashboard
      view={view}
      versionHref={(_, n) => `/inbox/${id}?version=${n}`}
      exportHref={(f) => `/api/publications/${id}/export?format=${f}${suffix}`}
      sectionHref={(s) => `/inbox/${id}?section=${encodeURIComponent(s)}${suffix}`}
      section={typeof section === "string" ? section : undefined}
    />
  );
}
