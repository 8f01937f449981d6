import { scopeKindOf } from "@/app/_domain/roles";
import type { Session } from "../auth/session";
import { notFound } from "../errors";

/**
 * Who sees which part of the catalogue (after requirePermission("catalogue.read")): the system admin and
 * supervisors read every version (without any region's local indicators); a region's staff read only their
 * region's catalogue, local indicators included. The region always comes from the session; a region role
 * without a region sees nothing.
 */
export type CatalogueViewer = { kind: "ALL" } | { kind: "REGION"; regionId: string };

export function catalogueViewerOf(session: Session): CatalogueViewer {
  if (scopeKindOf(session.roles) === "REGION") {
    if (!session.regionId) throw notFound("统筹区");
    return { kind: "REGION", regionId: session.regionId };
  }
  return { kind: "ALL" };
}
