import { badRequest } from '../../core/errors.ts';

/** 13812348000 → 138****8000 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 110105199001010123 → 110105********0123 */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return id.length >= 10 ? `${id.slice(0, 6)}********${id.slice(-4)}` : '********';
}

const PHONE = /^1[3-9]\d{9}$/;

/** A mainland mobile number, 11 digits starting 13–19. */
export function checkPhone(phone: string, field = 'phone'): string {
  const digits = phone.replace(/[\s-]/g, '');
  if (!PHONE.test(digits))
    throw badRequest('BAD_PHONE', '手机号码须为 11 位数字', 'The mobile number must have 11 digits', field);
  return digits;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A resident ID number (GB 11643): 18 characters, a real birth date, the right check character. */
export function checkIdNumber(idNumber: string, field = 'idNumber'): string {
  const id = idNumber.trim().toUpperCase();
  const bad = () => badRequest('BAD_ID_NUMBER', '身份证号码无效', 'The resident ID number is invalid', field);
  if (!/^\d{17}[\dX]$/.test(id)) throw bad();
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth)
    throw bad();
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) throw bad();
  return id;
}

/**
 * Masks every mobile number (11 digits, 13–19) and resident ID number inside free text
 * (a case's party, a situation typed by a hotline operator) before it is shown.
 */
export function maskPersonalText(text: string): string {
  return text
    .replace(/(?<!\d)\d{17}[\dXx](?![\dXx])/g, (id) => maskIdNumber(id) ?? id)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (phone) => maskPhone(phone) ?? phone);
}
