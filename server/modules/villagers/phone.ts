/** Mainland China mobile numbers: 11 digits, 1 then 3–9. */
export const MOBILE_PATTERN = '^1[3-9][0-9]{9}$';

/** 138****8000: enough for the partner to recognise, useless to anyone who copies a list. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}
