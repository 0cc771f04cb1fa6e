/**
 * Takes e-mail addresses, phone numbers and Norwegian national identity numbers out of text before
 * it is published; members keep the original. Deliberately narrow (a phone is one of the written
 * forms people use), so amounts like "12 000 000" or years stay as written.
 */

export const SCRUBBED = '[…]';

const FNR_WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const FNR_WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: number[], weights: number[]): number | null {
  const rest = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11);
  return rest === 11 ? 0 : rest === 10 ? null : rest;
}

/** An 11-digit fødselsnummer (or D-number) whose two control digits add up. */
export function isNationalIdNumber(text: string): boolean {
  const digits = text.replace(/\s/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  return control(d, FNR_WEIGHTS_1) === d[9] && control(d, FNR_WEIGHTS_2) === d[10];
}

const NATIONAL_ID = /(?<![\d])\d{6} ?\d{5}(?![\d])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// International: +CC or 00CC, an optional (0) or (area), then 6 to 14 more digits in groups.
const INTERNATIONAL_PHONE = /(?<![\w+])(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d(?:[ .-]?\d){5,13}(?!\d)/g;
// Norwegian: 8 digits starting 2–9, written together, in pairs, or 3-2-3.
const NORWEGIAN_PHONE = /(?<![\d.,])(?:[2-9]\d{7}|[2-9]\d(?: \d\d){3}|[2-9]\d\d \d\d \d{3})(?![\d])/g;

export function scrubPersonalData(text: string): string {
  return text
    .replace(NATIONAL_ID, (m) => (isNationalIdNumber(m) ? SCRUBBED : m))
    .replace(EMAIL, SCRUBBED)
    .replace(INTERNATIONAL_PHONE, SCRUBBED)
    .replace(NORWEGIAN_PHONE, SCRUBBED);
}
