import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pendingStepPath } from "@/app/_domain/auth-policy";
import { APP_SLOGAN, BRAND_MARK } from "@/app/_domain/messages";
import { homePathFor } from "@/app/_domain/permissions";
import { sameOriginPath } from "@/app/_domain/same-origin-path";
import { getSession } from "@/app/_server/auth/current-session";
import { readEnv } from "@/app/_server/env";
import { isDemoDeployment } from "@/app/_server/system/is-demo-deployment";
import { ROLE_LABELS } from "@/app/_domain/roles";
import { LoginForm } from "@/components/shell/login-form";
import styles from "./login.module.css";
import { DEMO_LOGIN_HINTS, DEMO_PASSWORD } from "@/prisma/seed/demo-data";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const session = await getSession();
  if (session) redirect(session.pending ? pendingStepPath(session.pending) : homePathFor(session.roles));
  const { callbackUrl } = await searchParams;
  const env = readEnv();
  // Only same-origin paths, resolved as the browser will: an open redirect after sign-in would help phishing.
  const next = sameOriginPath(callbackUrl);
  return (
    <main className={styles.page}>
      <section className={styles.brand}>
        <div style={{ display: "flex", alignItems: "center", gap: 16 }}>
          <img src={BRAND_MARK} alt="" width={64} height={64} style={{ borderRadius: 14, boxShadow: "0 0 0 2px rgba(255,255,255,0.35)" }} />
          <div style={{ fontSize: 44, fontWeight: 700, letterSpacing: 6 }}>亮底</div>
        </div>
        <div style={{ fontSize: 22, marginTop: 8, opacity: 0.95 }}>医保数据发布平台</div>
        <div style={{ fontSize: 15, marginTop: 24, opacity: 0.8, maxWidth: 460, lineHeight: 1.8 }}>
          {APP_SLOGAN}。统筹区医保数据工作组向定点医疗机构公开医保数据底稿，亮出医保家底。
        </div>
      </section>
      <section className={styles.form}>
        <LoginForm
          callbackUrl={next}
          lockout={{ maxFailures: env.loginMaxFailures, lockMinutes: env.loginLockMinutes }}
          demo={
            (await isDemoDeployment())
              ? {
                  password: DEMO_PASSWORD,
                  accounts: DEMO_LOGIN_HINTS.map((u) => ({ username: u.username, roleLabel: ROLE_LABELS[u.roles[0]] })),
                }
              : null
          }
        />
      </section>
    </main>
  );
}
