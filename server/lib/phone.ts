import { parsePhoneNumberFromString } from "libphonenumber-js";

/** E.164 when the number parses, the trimmed input otherwise; plus the digits used by search. */
export function normalizePhone(input: string | undefined | null): { phone: string; digits: string } | null {
  if (!input) return null;
  const trimmed = input.trim();
  if (!trimmed) return null;
  const withPlus = trimmed.startsWith("+") ? trimmed : `+${trimmed}`;
  const parsed = parsePhoneNumberFromString(withPlus);
  const phone = parsed?.isValid() ? parsed.number : trimmed;
  const digits = phone.replace(/\D/g, "");
  return digits ? { phone, digits } : null;
}

/** The digits of a search query that looks like a phone number (at least 3 digits), else null. */
export function phoneQueryDigits(q: string): string | null {
  if (!/^[\d\s()+\-.]+$/.test(q)) return null;
  const digits = q.replace(/\D/g, "");
  return digits.length >= 3 ? digits : null;
}
