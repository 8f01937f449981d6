"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { SIGN_IN_ERRORS, SIGN_IN_REFUSED } from "@/app/_domain/auth-policy";
import s from "./login-form.module.css";

export interface DemoHint {
  password: string;
  accounts: { username: string; roleLabel: string }[];
}

export interface LockoutHint {
  maxFailures: number;
  lockMinutes: number;
}

interface Credentials {
  username: string;
  password: string;
}

/**
 * Two steps: username and password, then (for an account with MFA) the authenticator's 6-digit code or a
 * recovery code. Both steps post to next-auth's credentials provider; the server checks the password again
 * with the code, so the first step grants nothing. Plain HTML with a few lines of state (no component library):
 * the first page everyone opens stays light and quick.
 */
export function LoginForm({ callbackUrl, demo, lockout }: { callbackUrl: string; demo: DemoHint | null; lockout: LockoutHint }) {
  const [credentials, setCredentials] = useState<Credentials>({ username: "", password: "" });
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [step, setStep] = useState<Credentials | null>(null);
  const [recovery, setRecovery] = useState(false);
  const [showPassword, setShowPassword] = useState(false);

  async function submit(c: Credentials, withCode?: string) {
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { ...c, ...(withCode ? { code: withCode } : {}), redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    if (result?.error === SIGN_IN_ERRORS.mfaRequired) {
      setStep(c);
      return;
    }
    if (result?.error === SIGN_IN_ERRORS.codeInvalid) {
      setError(recovery ? "恢复码错误或已使用过，请重新输入。" : "动态验证码错误或已使用过，请等待下一个验证码后重新输入。");
      setCode("");
      return;
    }
    if (result?.error === SIGN_IN_ERRORS.rateLimited) {
      setError("登录尝试过于频繁，请稍后再试。");
      return;
    }
    setStep(null);
    setError(SIGN_IN_REFUSED);
  }

  function onCredentials(e: React.FormEvent) {
    e.preventDefault();
    const blank = !credentials.username.trim() ? "username" : !credentials.password ? "password" : null;
    setMissing(blank);
    if (!blank) void submit(credentials);
  }

  function onCode(e: React.FormEvent) {
    e.preventDefault();
    const problem = !code.trim()
      ? recovery
        ? "请输入恢复码"
        : "请输入 6 位动态验证码"
      : !recovery && !/^\s*\d{6}\s*$/.test(code)
        ? "动态验证码是 6 位数字"
        : null;
    setMissing(problem);
    if (!problem) void submit(step!, code);
  }

  const field = (name: string, label: string, input: React.ReactNode, message: string | null) => (
    <div className={s.field}>
      <label htmlFor={`login-${name}`}>{label}</label>
      {input}
      {message && (
        <div className={s.fieldError} id={`login-${name}-error`}>
          {message}
        </div>
      )}
    </div>
  );

  return (
    <div className={s.card}>
      <h1 className={s.title}>{step ? "双因素认证" : "登录"}</h1>
      {error && (
        <div role="alert" className={s.error}>
          {error}
        </div>
      )}
      {step ? (
        <>
          <p className={s.hint}>
            {recovery ? (
              <>请输入绑定时保存的一个恢复码（每个恢复码只能使用一次）。</>
            ) : (
              <>
                请打开手机上的身份验证器（如微信小程序“腾讯身份验证器”、Microsoft Authenticator），输入“亮底”账号{" "}
                <strong>{step.username}</strong> 当前显示的 6 位动态验证码。
              </>
            )}
          </p>
          <form onSubmit={onCode} noValidate>
            {field(
              "code",
              recovery ? "恢复码" : "动态验证码",
              <input
                id="login-code"
                className={s.input}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoComplete="one-time-code"
                inputMode={recovery ? "text" : "numeric"}
                maxLength={recovery ? 16 : 6}
                placeholder={recovery ? "例如 k7m2p-xq9ra" : "6 位数字"}
                aria-invalid={!!missing}
                aria-describedby={missing ? "login-code-error" : undefined}
                disabled={pending}
                autoFocus
              />,
              missing,
            )}
            <button type="submit" className={s.submit} disabled={pending}>
              {pending ? "验证中…" : "验 证"}
            </button>
          </form>
          <div className={s.links}>
            <button
              type="button"
              className={s.link}
              onClick={() => (setRecovery(!recovery), setError(null), setMissing(null), setCode(""))}
            >
              {recovery ? "改用动态验证码" : "手机不在身边？使用恢复码"}
            </button>
            <button type="button" className={s.link} onClick={() => (setStep(null), setRecovery(false), setError(null), setMissing(null))}>
              返回重新登录
            </button>
          </div>
        </>
      ) : (
        <>
          <p className={s.hint}>请使用医保部门分配的账号登录。</p>
          <form onSubmit={onCredentials} noValidate>
            {field(
              "username",
              "用户名",
              <input
                id="login-username"
                className={s.input}
                value={credentials.username}
                onChange={(e) => setCredentials({ ...credentials, username: e.target.value })}
                autoComplete="username"
                aria-invalid={missing === "username"}
                aria-describedby={missing === "username" ? "login-username-error" : undefined}
                disabled={pending}
                autoFocus
              />,
              missing === "username" ? "请输入用户名" : null,
            )}
            {field(
              "password",
              "密码",
              <div className={s.password}>
                <input
                  id="login-password"
                  className={s.input}
                  type={showPassword ? "text" : "password"}
                  value={credentials.password}
                  onChange={(e) => setCredentials({ ...credentials, password: e.target.value })}
                  autoComplete="current-password"
                  aria-invalid={missing === "password"}
                  aria-describedby={missing === "password" ? "login-password-error" : undefined}
                  disabled={pending}
                />
                <button type="button" className={s.reveal} onClick={() => setShowPassword(!showPassword)} aria-pressed={showPassword}>
                  {showPassword ? "隐藏" : "显示"}
                </button>
              </div>,
              missing === "password" ? "请输入密码" : null,
            )}
            <button type="submit" className={s.submit} disabled={pending}>
              {pending ? "登录中…" : "登 录"}
            </button>
          </form>
          <p className={s.small}>
            连续输错 {lockout.maxFailures} 次，账号将锁定 {lockout.lockMinutes} 分钟；如需提前解锁，请联系安全管理员。
          </p>
        </>
      )}
      {demo && !step && (
        <div className={s.demo}>
          <strong>演示环境</strong>
          <p>
            各角色的演示账号密码均为 <code>{demo.password}</code>，点击账号即可填入：
          </p>
          <div className={s.accounts}>
            {demo.accounts.map(({ username, roleLabel }) => (
              <button
                type="button"
                key={username}
                className={s.account}
                onClick={() => (setCredentials({ username, password: demo.password }), setMissing(null))}
              >
                {roleLabel} {username}
              </button>
            ))}
          </div>
          <p className={s.small}>
            演示账号不强制双因素认证，可登录后在“登录安全”中自行绑定身份验证器体验；正式部署中，医保部门各角色必须绑定，医疗机构用户可选。
          </p>
        </div>
      )}
    </div>
  );
}
