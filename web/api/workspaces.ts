import { useQuery } from "@tanstack/react-query";
import type { ApiTokenDto, InvitationDto, InvitationPreview, MemberDto, WorkspaceDto } from "../../common/workspaces";
import { api } from "./client";

export const workspacePath = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;

export const workspaceKeys = {
  workspace: (id: string) => ["workspace", id] as const,
  members: (id: string) => ["workspace", id, "members"] as const,
  invitations: (id: string) => ["workspace", id, "invitations"] as const,
  apiTokens: (id: string) => ["workspace", id, "api-tokens"] as const,
};

interface Items<T> {
  items: T[];
}

export const useWorkspace = (workspaceId: string) =>
  useQuery({
    queryKey: workspaceKeys.workspace(workspaceId),
    queryFn: ({ signal }) => api.get<{ workspace: WorkspaceDto }>(workspacePath(workspaceId), signal),
    select: (data) => data.workspace,
  });

export const useMembers = (workspaceId: string) =>
  useQuery({
    queryKey: workspaceKeys.members(workspaceId),
    queryFn: ({ signal }) => api.get<Items<MemberDto>>(`${workspacePath(workspaceId)}/members`, signal),
    select: (data) => data.items,
  });

export const useInvitations = (workspaceId: string) =>
  useQuery({
    queryKey: workspaceKeys.invitations(workspaceId),
    queryFn: ({ signal }) => api.get<Items<InvitationDto>>(`${workspacePath(workspaceId)}/invitations`, signal),
    select: (data) => data.items,
  });

export const useApiTokens = (workspaceId: string) =>
  useQuery({
    queryKey: workspaceKeys.apiTokens(workspaceId),
    queryFn: ({ signal }) => api.get<Items<ApiTokenDto>>(`${workspacePath(workspaceId)}/api-tokens`, signal),
    select: (data) => data.items,
  });

export const useInvitationPreview = (token: string) =>
  useQuery({
    queryKey: ["invitation", token],
    queryFn: ({ signal }) => api.get<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`, signal),
    retry: false,
  });
