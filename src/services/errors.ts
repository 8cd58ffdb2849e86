// Errors services raise on purpose; the HTTP layer maps them to status codes, the CLI to exit codes.

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly entityId: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A stale write: the record changed since the client read it. Carries the current record for the 409 answer. */
export class VersionConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly current: unknown,
    message = '记录已被他人修改，请刷新后重试 / the record was changed by someone else',
  ) {
    super(message);
    this.name = 'VersionConflictError';
  }
}

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

// The errors below carry `statusCode` and `code` so the HTTP error handler answers them as they are (4xx branch)
// without knowing each class; the CLI prints their message.

/** No (or an expired) session on a route that needs one. */
export class UnauthenticatedError extends Error {
  readonly statusCode = 401;
  readonly code = 'unauthenticated';
  constructor(message = '请先登录 / please sign in') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Signed in, but the role (or a rule such as "change your password first") does not allow this. */
export class ForbiddenError extends Error {
  readonly statusCode = 403;
  constructor(
    message = '无权执行此操作 / not allowed',
    readonly code: string = 'forbidden',
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Wrong username or password — one message for both so usernames cannot be probed. */
export class InvalidCredentialsError extends Error {
  readonly statusCode = 401;
  readonly code = 'invalid-credentials';
  constructor() {
    super('用户名或密码错误 / wrong username or password');
    this.name = 'InvalidCredentialsError';
  }
}

export class AccountLockedError extends Error {
  readonly statusCode = 423;
  readonly code = 'account-locked';
  constructor(readonly lockedUntil: Date) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
    super(`登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试 / too many failed logins, account locked for ${minutes} min`);
    this.name = 'AccountLockedError';
  }
}

/** A unique name already taken (username, unit name). */
export class ConflictError extends Error {
  readonly statusCode = 409;
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
