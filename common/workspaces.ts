import { z } from "zod";
import { email, locale, password, personName, role } from "./auth";

export const workspaceName = z.string().trim().min(1).max(120);

export const workspaceDto = z.object({
  id: z.uuid(),
  name: z.string(),
  role: role,
  createdAt: z.iso.datetime(),
});
export type WorkspaceDto = z.infer<typeof workspaceDto>;

export const createWorkspaceRequest = z.object({ name: workspaceName });
export type CreateWorkspaceRequest = z.infer<typeof createWorkspaceRequest>;
export const updateWorkspaceRequest = z.object({ name: workspaceName });
export type UpdateWorkspaceRequest = z.infer<typeof updateWorkspaceRequest>;

export const memberDto = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  avatarUrl: z.string().nullable(),
  role: role,
  joinedAt: z.iso.datetime(),
});
export type MemberDto = z.infer<typeof memberDto>;

export const updateMemberRequest = z.object({ role });
export type UpdateMemberRequest = z.infer<typeof updateMemberRequest>;

export const invitationDto = z.object({
  id: z.uuid(),
  role: role,
  email: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
});
export type InvitationDto = z.infer<typeof invitationDto>;

export const createInvitationRequest = z.object({
  role: role.default("manager"),
  email: email.optional(),
});
export type CreateInvitationRequest = z.input<typeof createInvitationRequest>;

export const createdInvitation = z.object({
  invitation: invitationDto,
  /** The link to share. Shown once: only a hash of its token is stored. */
  url: z.string(),
});
export type CreatedInvitation = z.infer<typeof createdInvitation>;

/** What a person who opens an invitation link sees before accepting it. */
export const invitationPreview = z.object({
  workspaceName: z.string(),
  role: role,
  email: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof invitationPreview>;

/** Accepting: a signed-in user sends `{}`; a new person creates an account. */
export const acceptInvitationRequest = z.object({
  name: personName.optional(),
  email: email.optional(),
  password: password.optional(),
  locale: locale.optional(),
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequest>;

export const apiTokenDto = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  userId: z.uuid(),
  userName: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenDto>;

export const createApiTokenRequest = z.object({ name: z.string().trim().min(1).max(80) });
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequest>;

export const createdApiToken = z.object({
  token: apiTokenDto,
  /** The secret to use as `Authorization: Bearer <secret>`. Shown once. */
  secret: z.string(),
});
export type CreatedApiToken = z.infer<typeof createdApiToken>;

export const eventDto = z.object({
  seq: z.number().int(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
export type EventDto = z.infer<typeof eventDto>;

export const eventsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  /** 0 answers only `lastSeq`: where a new client starts following. */
  limit: z.coerce.number().int().min(0).max(1000).default(500),
});

export const eventsResponse = z.object({
  items: z.array(eventDto),
  /** The workspace's newest sequence number; a client that is further behind than `items` covers pages on. */
  lastSeq: z.number().int(),
});
export type EventsResponse = z.infer<typeof eventsResponse>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
