import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, and fast enough that a busy login
// endpoint does not starve the event loop's thread pool.
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;

/**
 * The passwords of eight or more characters that top the leaked-password lists (English and
 * Chinese sites alike); a guesser tries these first, so none is accepted whatever its case.
 */
const COMMON_PASSWORDS = new Set([
  '00000000',
  '11111111',
  '12341234',
  '123123123',
  '12345678',
  '123456789',
  '1234567890',
  '12344321',
  '147258369',
  '1q2w3e4r',
  '1qaz2wsx',
  '5201314520',
  '66666666',
  '87654321',
  '88888888',
  '987654321',
  'a1234567',
  'a12345678',
  'aa123456',
  'aaaaaaaa',
  'abc12345',
  'abcd1234',
  'admin123',
  'admin1234',
  'iloveyou',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwer1234',
  'qwerty123',
  'qwertyui',
  'qwertyuiop',
  'woaini1314',
  'woaini520',
  'zxcvbnm123',
]);

/**
 * Why a new password is refused, or null: at least 8 characters, not the login itself and
 * not one of the most common passwords.
 */
export function passwordProblem(login: string, password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.toLowerCase() === login.toLowerCase()) return 'must not be the login';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'is one of the most common passwords';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

let dummyHash: Promise<string> | null = null;

/** Verifies, spending the same time when the user does not exist so logins can't be probed. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= hashPassword('not-a-real-password');
    await argon2.verify(await dummyHash, password);
    return false;
  }
  return argon2.verify(hash, password);
}
