import { z } from "zod";

export const roles = ["owner", "admin", "manager"] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const locales = ["en", "ru"] as const;
export const locale = z.enum(locales);
export type Locale = z.infer<typeof locale>;

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Enter a valid e-mail address" }));

export const password = z
  .string()
  .min(8, { message: "The password needs at least 8 characters" })
  .max(256, { message: "The password can have at most 256 characters" });

export const personName = z.string().trim().min(1).max(120);

export const userDto = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: locale,
  avatarUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserDto = z.infer<typeof userDto>;

export const workspaceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  role: role,
});
export type WorkspaceSummary = z.infer<typeof workspaceSummary>;

export const meResponse = z.object({
  user: userDto,
  workspaces: z.array(workspaceSummary),
});
export type MeResponse = z.infer<typeof meResponse>;

export const loginRequest = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const setupStatus = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatus>;

export const setupRequest = z.object({
  name: personName,
  email,
  password,
  workspaceName: z.string().trim().min(1).max(120),
  locale: locale.optional(),
});
export type SetupRequest = z.infer<typeof setupRequest>;

export const updateMeRequest = z.object({
  name: personName.optional(),
  locale: locale.optional(),
});
export type UpdateMeRequest = z.infer<typeof updateMeRequest>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;
