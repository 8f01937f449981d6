"use client";

import { useEffect, useState } from "react";

export type JsonState<T> = { ok: true; data: T } | { ok: false; message: string } | null;

const NETWORK_ERROR = "网络连接失败，请稍后重试。";

/**
 * Reads a GET route of the portal as JSON: null while loading, then the data or the route's Chinese message
 * (`{ error }`). A new URL starts a new read and the answer of an older one is dropped; no URL reads nothing.
 */
export function useJson<T>(url: string | null): JsonState<T> {
  const [state, setState] = useState<{ url: string | null; value: JsonState<T> }>({ url, value: null });
  useEffect(() => {
    if (!url) return;
    const abort = new AbortController();
    fetch(url, { signal: abort.signal, headers: { accept: "application/json" } })
      .then(async (r) => {
        const body = await r.json().catch(() => null);
        setState({ url, value: r.ok ? { ok: true, data: body as T } : { ok: false, message: body?.error ?? NETWORK_ERROR } });
      })
      .catch(() => {
        if (!abort.signal.aborted) setState({ url, value: { ok: false, message: NETWORK_ERROR } });
      });
    return () => abort.abort();
  }, [url]);
  return state.url === url ? state.value : null;
}

/** A query string from the values that are set. */
export function query(values: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v != null && v !== "") q.set(k, v);
  return q.toString();
}
