/**
 * The address as a browser would use it when it is an absolute http(s) URL; null for anything else
 * (javascript:, data:, relative or unparseable). Links, media and the URL fields of forms all go through it.
 */
export const httpHref = (value: string): string | null => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
};
