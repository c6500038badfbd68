import i18next from "i18next";
import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string>>;

const messageFor = (issue: z.core.$ZodIssue): string => {
  const field = String(issue.path[0] ?? "");
  if (issue.code === "too_big") return i18next.t("validation.tooLong");
  if (field === "email" && issue.code !== "too_small") return i18next.t("validation.email");
  if ((field === "password" || field === "newPassword") && issue.code === "too_small")
    return i18next.t("validation.passwordShort");
  if (field === "email") return i18next.t("validation.email");
  return i18next.t("validation.required");
};

/** Checks form values against a shared schema; returns the parsed value or a translated message per field. */
export const validate = <S extends z.ZodType>(
  schema: S,
  values: unknown,
): { data: z.infer<S>; errors: null } | { data: null; errors: FieldErrors } => {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= messageFor(issue);
  }
  return { data: null, errors };
};
