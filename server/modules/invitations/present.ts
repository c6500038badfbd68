import type { Role } from "../../../common/auth";
import type { InvitationDto } from "../../../common/workspaces";

export type InvitationRow = {
  id: string;
  role: Role;
  email: string | null;
  created_at: Date;
  expires_at: Date;
  creator_name?: string | null;
};

export function presentInvitation(row: InvitationRow): InvitationDto {
  return {
    id: row.id,
    role: row.role,
    email: row.email,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    createdBy: row.creator_name ?? null,
  };
}
