"use client";

import { useActionState } from "react";
import { acknowledgeAction } from "@/app/(portal)/inbox/actions";
import { beijingTime } from "@/app/_domain/sheets/display";
import s from "./dashboard.module.css";

type State = { acknowledgedAt: string | null; message: string | null };

/** 「确认已阅」: records the hospital's acknowledgement of this version (any of its users counts for the institution). */
export function AcknowledgeButton({ id, acknowledgedAt, disabled }: { id: string; acknowledgedAt: string | null; disabled?: boolean }) {
  const [state, submit, pending] = useActionState<State>(
    async (prev) => {
      const r = await acknowledgeAction(id);
      return r.ok ? { acknowledgedAt: r.data.acknowledgedAt, message: null } : { ...prev, message: r.message };
    },
    { acknowledgedAt, message: null },
  );
  if (state.acknowledgedAt)
    return (
      <span className={s.meta} style={{ margin: 0 }} data-testid="acknowledged">
        ✓ 已于 {beijingTime(state.acknowledgedAt)} 确认已阅
      </span>
    );
  return (
    <form action={submit} style={{ display: "contents" }}>
      <button type="submit" className={`${s.button} ${s.primary}`} disabled={pending || disabled} data-testid="acknowledge">
        {pending ? "正在确认…" : "确认已阅"}
      </button>
      {state.message && (
        <span role="alert" className={s.bad} style={{ fontSize: 13 }}>
          {state.message}
        </span>
      )}
    </form>
  );
}
