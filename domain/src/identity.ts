// Resident ID numbers (GB 11643) and mainland mobile numbers: validation, what an ID number tells,
// and the masks lists and exports show.

export type IdNumberProblem = 'length' | 'format' | 'region' | 'birthDate' | 'checkDigit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The MOD 11-2 check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

export function isValidDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Why an ID number is not valid, or null when it is. `today` (YYYY-MM-DD) bounds the birth date;
 * a lower-case x is accepted as X.
 */
export function idNumberProblem(value: string, today?: string): IdNumberProblem | null {
  const id = value.toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!/^[1-8]\d{5}$/.test(id.slice(0, 6))) return 'region';
  const birth = birthDateOf(id);
  if (!isValidDate(birth) || birth < '1900-01-01' || (today !== undefined && birth > today)) return 'birthDate';
  if (idCheckDigit(id) !== id[17]) return 'checkDigit';
  return null;
}

function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Gender and birth date as a valid ID number states them (the 17th digit is odd for men). */
export function identityFromIdNumber(id: string): { gender: 'male' | 'female'; birthDate: string } {
  return { gender: Number(id[16]) % 2 === 1 ? 'male' : 'female', birthDate: birthDateOf(id) };
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isValidMobile(value: string): boolean {
  return MOBILE_PATTERN.test(value);
}

/** 110105********1234: region and last four stay, so staff can still tell people apart. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** 138****5678 */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return '*'.repeat(mobile.length);
  return mobile.slice(0, 3) + '*'.repeat(mobile.length - 7) + mobile.slice(-4);
}
