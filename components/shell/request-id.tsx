"use client";

import { createContext, useContext } from "react";

/**
 * The id proxy.ts gave the request that rendered the page (x-request-id). The error page shows it, so that a
 * user can quote it and an administrator can find the request in the server log.
 */
const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ id, children }: { id: string | null; children: React.ReactNode }) {
  return <RequestIdContext.Provider value={id}>{children}</RequestIdContext.Provider>;
}

export function useRequestId(): string | null {
  return useContext(RequestIdContext);
}
