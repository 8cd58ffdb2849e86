// Password hashing (argon2id), one-time passwords, the password rule, and username normalisation.
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ValidationError } from '../errors.ts';

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults: argon2id, m=19 MiB, t=2, p=1 — the OWASP baseline.
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, never a 500 that tells the caller something is special.
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Verifies against a throwaway hash so an unknown username takes as long as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('kechuang-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

// No 0/O, 1/l/I: the password is read off a console and typed by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random one-time password, e.g. `Xk7m-Pq2R-c9Hd-Ts4e` (~91 bits); the user must change it at first login. */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** The password rule; throws a ValidationError naming what is wrong. */
export function checkPasswordRule(password: string, username: string): void {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`至少 ${PASSWORD_MIN_LENGTH} 个字符 / at least ${PASSWORD_MIN_LENGTH} characters`);
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push(`最多 ${PASSWORD_MAX_LENGTH} 个字符 / at most ${PASSWORD_MAX_LENGTH} characters`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类 / use at least 3 of: upper, lower, digit, symbol');
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('不能包含用户名 / must not contain the username');
  }
  if (problems.length > 0) {
    throw new ValidationError(
      `密码不符合要求：${problems.join('；')}`,
      problems.map((message) => ({ path: '/newPassword', message })),
    );
  }
}

/** Usernames are compared trimmed, NFKC-normalised (full-width → half-width) and lower-cased. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
