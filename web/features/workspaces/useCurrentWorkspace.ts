import { useParams } from "react-router";
import type { WorkspaceSummary } from "../../../common/auth";
import { useMe } from "../../api/session";

/** The workspace in the address, as the signed-in person sees it (with their role), or null. */
export const useCurrentWorkspace = (): WorkspaceSummary | null => {
  const { workspaceId = "" } = useParams();
  const me = useMe();
  return me.workspaces.find((workspace) => workspace.id === workspaceId) ?? null;
};

/** The workspace of a page rendered inside WorkspaceLayout (which checks it exists). */
export const useWorkspaceSummary = (): WorkspaceSummary => {
  const workspace = useCurrentWorkspace();
  if (!workspace) throw new Error("useWorkspaceSummary is used outside of WorkspaceLayout");
  return workspace;
};

export const isAdmin = (workspace: WorkspaceSummary): boolean =>
  workspace.role === "owner" || workspace.role === "admin";
