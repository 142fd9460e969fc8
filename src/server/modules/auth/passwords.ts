/** Password hashing with argon2id (OWASP's first choice), and the password policy. */
import { hash, verify } from '@node-rs/argon2';
import type { LocalizedText } from '../../../domain/errors.js';

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1 is the minimum; we use more memory.
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum we cannot import under verbatimModuleSyntax) */,
  memoryCost: 32_768,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** Verifies against a stored hash; with no hash (unknown user) it still spends the same time. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  const target = storedHash ?? (await dummyHash());
  try {
    const ok = await verify(target, password);
    return storedHash !== null && ok;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hash('not a password of anyone', OPTIONS));

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** NIST SP 800-63B: length, not composition rules; reject the obvious. */
export function passwordProblem(password: string, username: string): LocalizedText | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      fi: `Salasanassa on oltava vähintään ${PASSWORD_MIN_LENGTH} merkkiä.`,
      sv: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`,
      en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return {
      fi: `Salasanassa voi olla enintään ${PASSWORD_MAX_LENGTH} merkkiä.`,
      sv: `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`,
      en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
    };
  }
  if (password.toLowerCase().includes(username.toLowerCase()) || /^(.)\1+$/.test(password)) {
    return {
      fi: 'Salasana on liian helppo arvata.',
      sv: 'Lösenordet är för lätt att gissa.',
      en: 'The password is too easy to guess.',
    };
  }
  return null;
}
