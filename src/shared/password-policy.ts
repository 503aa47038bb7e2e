export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;

export interface PasswordCheck {
  longEnough: boolean;
  /** How many of lowercase, uppercase, digits and symbols the password uses (0–4). */
  classes: number;
  ok: boolean;
}

/**
 * The password policy, shared by server and web: at least 8 characters and 3 of the 4
 * kinds. The server decides (modules/auth/password-policy.ts adds its other checks);
 * the web uses the same function to explain the rule before a round trip. Anything
 * that is not an ASCII letter or digit counts as a symbol.
 */
export function checkPassword(password: string): PasswordCheck {
  const longEnough = [...password].length >= PASSWORD_MIN_LENGTH;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  return { longEnough, classes, ok: longEnough && classes >= PASSWORD_MIN_CLASSES };
}
