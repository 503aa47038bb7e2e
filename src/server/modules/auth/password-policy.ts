import { checkPassword, PASSWORD_MIN_CLASSES } from '../../../shared/password-policy.ts';

/**
 * Password policy: at least 8 characters from at least 3 of the 4 classes
 * (lower case, upper case, digits, symbols), and not the account name.
 * Returns null when acceptable, or the reason in both languages.
 */
export function checkPasswordPolicy(password: string, username?: string): { zh: string; en: string } | null {
  const check = checkPassword(password);
  if (!check.longEnough) {
    return { zh: '密码至少 8 位', en: 'The password needs at least 8 characters' };
  }
  if ([...password].length > 128) {
    return { zh: '密码最多 128 位', en: 'The password may have at most 128 characters' };
  }
  if (check.classes < PASSWORD_MIN_CLASSES) {
    return {
      zh: '密码须包含小写字母、大写字母、数字、符号中的至少三类',
      en: 'The password needs at least 3 of: lower-case letters, upper-case letters, digits, symbols',
    };
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return { zh: '密码不能包含用户名', en: 'The password must not contain the user name' };
  }
  return null;
}
