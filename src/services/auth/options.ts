// Tunables of sign-in security. Defaults follow the issue (lock after 5 failures for 15 minutes); environment
// variables let an operator change them without code.
export interface AuthOptions {
  /** Failed logins in a row that lock the account. */
  maxFailedLogins: number;
  lockMinutes: number;
  sessionHours: number;
  /** Login attempts per client address per minute (on top of the per-account lockout). */
  loginRateLimitPerMinute: number;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  maxFailedLogins: 5,
  lockMinutes: 15,
  sessionHours: 12,
  loginRateLimitPerMinute: 20,
};

export function authOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthOptions {
  const positive = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} 必须是正数 / must be a positive number: ${raw}`);
    return value;
  };
  return {
    maxFailedLogins: positive('KECHUANG_LOCKOUT_ATTEMPTS', DEFAULT_AUTH_OPTIONS.maxFailedLogins),
    lockMinutes: positive('KECHUANG_LOCKOUT_MINUTES', DEFAULT_AUTH_OPTIONS.lockMinutes),
    sessionHours: positive('KECHUANG_SESSION_HOURS', DEFAULT_AUTH_OPTIONS.sessionHours),
    loginRateLimitPerMinute: positive('KECHUANG_LOGIN_RATE_LIMIT', DEFAULT_AUTH_OPTIONS.loginRateLimitPerMinute),
  };
}
