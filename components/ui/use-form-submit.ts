"use client";

import { App, type FormInstance } from "antd";
import { useState } from "react";
import type { ActionResult } from "@/app/_server/auth/page-guard";

/**
 * The submit of a form in a modal: check the fields, run the server action, and then either say so and close
 * (`done`, given the action's data) or put the server's field errors on their fields and its message on top.
 */
export function useFormSubmit<V, R>(form: FormInstance<V>, action: (values: V) => Promise<ActionResult<R>>, done: (data: R) => void) {
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);
  async function submit() {
    const values = await form.validateFields();
    setPending(true);
    const result = await action(values).finally(() => setPending(false));
    if (result.ok) return done(result.data);
    // An error not tied to a field comes with the empty name: the message says it.
    const fields = Object.entries(result.fieldErrors).filter(([name]) => name);
    form.setFields(
      fields.map(([name, err]) => ({ name: name as Parameters<FormInstance<V>["setFields"]>[0][number]["name"], errors: [err] })),
    );
    message.error(result.message);
  }
  return { submit, pending };
}
