import type { InstitutionLevel } from "@/app/_domain/institutions";
import type { Audience, Layout, PeerMode, PublicationKind, PublicationPeriod, PublicationStatus } from "@/app/_domain/publications/types";

/** What the publication use cases return to pages, actions and the API (no rows, no secrets). */

/** One line of an inbox (hospital) or of the publications list (staff, supervisors). */
export interface PublicationListItem {
  id: string;
  /** The version the line is about: the latest published one (recipients, supervisors), the newest (staff). */
  versionId: string;
  version: number;
  kind: PublicationKind;
  kindLabel: string;
  title: string;
  period: PublicationPeriod;
  region: { code: string; name: string };
  status: PublicationStatus;
  publishedAt: string | null;
  /** Staff only: the embargo (recipients never see an embargoed publication). */
  embargoUntil: string | null;
  /** A correction: version > 1 and the reason. */
  correctionReason: string | null;
  /** Hospital users: their own receipt ("新" = not opened). Staff: null. */
  receipt: { openedAt: string | null; acknowledgedAt: string | null } | null;
  /** Staff: how many audience institutions opened / acknowledged, of how many. */
  receipts: { opened: number; acknowledged: number; audience: number } | null;
}

/** The editor / review page of one version (staff of the region). */
export interface PublicationEditorDto {
  id: string;
  versionId: string;
  version: number;
  kind: PublicationKind;
  title: string;
  period: PublicationPeriod;
  status: PublicationStatus;
  layout: Layout;
  audience: Audience;
  peerMode: PeerMode;
  embargoUntil: string | null;
  narrative: string;
  explanations: Record<string, string>;
  author: { id: string; name: string } | null;
  submittedBy: { id: string; name: string } | null;
  reviewer: { id: string; name: string; comment: string | null; at: string } | null;
  publisher: { id: string; name: string; at: string } | null;
  correctionReason: string | null;
  withdrawalReason: string | null;
  /** Every version of the publication, newest first. */
  versions: { versionId: string; version: number; status: PublicationStatus; publishedAt: string | null }[];
  /** What the caller may do now (the UI hides the rest; the use cases check again). */
  can: { edit: boolean; submit: boolean; review: boolean; publish: boolean; correct: boolean; withdraw: boolean; remind: boolean };
  /** The audience institutions, for the preview picker and the audience editor. */
  institutions: { code: string; name: string; level: InstitutionLevel }[];
  /** Indicators of the region's catalogue, for the panel editor. */
  indicators: { code: string; nameZh: string; unit: string; scope: "REGION" | "INSTITUTION"; schemes: string[] }[];
}

/** The data group's receipts view of one published version. */
export interface ReceiptsDto {
  publicationId: string;
  versionId: string;
  title: string;
  publishedAt: string | null;
  audience: number;
  opened: number;
  acknowledged: number;
  institutions: {
    code: string;
    name: string;
    level: InstitutionLevel;
    /** First opening and acknowledgement across the institution's users (any user counts for the institution). */
    openedAt: string | null;
    acknowledgedAt: string | null;
    users: { name: string; openedAt: string | null; acknowledgedAt: string | null }[];
    lastRemindedAt: string | null;
  }[];
}

/** An in-app notification (reminders, corrections, new publications). */
export interface NotificationDto {
  id: string;
  kind: "PUBLISHED" | "CORRECTED" | "REMINDER" | "WITHDRAWN";
  title: string;
  body: string;
  /** Where it leads (e.g. /inbox/<publicationId>). */
  href: string;
  createdAt: string;
  readAt: string | null;
}

/** The workbench's "what is due" (region staff). */
export interface DueDto {
  /** The month whose sheet is due (the previous calendar month) and whether it has an accepted version. */
  sheet: { period: string; label: string; status: "MISSING" | "VALIDATED" | "ACCEPTED" | "REJECTED" };
  sheetsAwaitingReview: { versionId: string; period: string; version: number; uploadedAt: string }[];
  drafts: { id: string; versionId: string; title: string; status: "DRAFT" | "IN_REVIEW" | "APPROVED"; updatedAt: string }[];
  /** Published versions whose embargo lifts within 7 days. */
  embargoes: { id: string; versionId: string; title: string; embargoUntil: string }[];
}

/** Rows of an export, exactly as the caller sees the publication; cells already neutralised (= + - @). */
export interface PublicationExport {
  fileName: string;
  sheetName: string;
  header: string[];
  rows: string[][];
}
