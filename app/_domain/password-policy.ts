/** Password policy (等保 level 3: length and complexity). Defaults are configurable via the server env. */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10, minClasses: 3 };

export function passwordPolicyErrors(password: string, policy = DEFAULT_PASSWORD_POLICY, username?: string): string[] {
  const errors: string[] = [];
  if (password.length < policy.minLength) errors.push(`密码至少 ${policy.minLength} 位。`);
  if (password.length > 128) errors.push("密码最多 128 位。");
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < policy.minClasses) errors.push(`密码须包含小写字母、大写字母、数字、特殊符号中的至少 ${policy.minClasses} 类。`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) errors.push("密码不能包含用户名。");
  return errors;
}
