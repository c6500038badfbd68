import type { Role } from "../../../common/auth";
import type { MemberDto, WorkspaceDto } from "../../../common/workspaces";
import type { WorkspaceRow } from "../../db/schema";
import { avatarUrl } from "../auth/present";

export function presentWorkspace(ws: WorkspaceRow, role: Role): WorkspaceDto {
  return { id: ws.id, name: ws.name, role, createdAt: ws.created_at.toISOString() };
}

export type MemberRow = {
  user_id: string;
  name: string;
  email: string;
  avatar_version: number | null;
  role: Role;
  created_at: Date;
};

export function presentMember(m: MemberRow): MemberDto {
  return {
    userId: m.user_id,
    name: m.name,
    email: m.email,
    avatarUrl: avatarUrl(m.user_id, m.avatar_version),
    role: m.role,
    joinedAt: m.created_at.toISOString(),
  };
}
