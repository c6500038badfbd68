import i18next from "i18next";
import { isApiError } from "../api/client";

const retryAfterSeconds = (details: unknown): number | null => {
  if (typeof details !== "object" || details === null || !("retryAfterSeconds" in details)) return null;
  const value = details.retryAfterSeconds;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};

/** A message for the person: a translation of the error's code when there is one, else the server's own words. */
export const errorMessage = (error: unknown): string => {
  if (isApiError(error)) {
    const wait = retryAfterSeconds(error.details);
    if (error.code === "rate_limited" && wait !== null) {
      return i18next.t("errors.rate_limited_wait", { count: Math.max(1, Math.ceil(wait / 60)) });
    }
    const key = `errors.${error.code}`;
    if (i18next.exists(key)) return i18next.t(key);
    return error.message;
  }
  return i18next.t("errors.unexpected");
};

export const errorCode = (error: unknown): string | null => (isApiError(error) ? error.code : null);
