import { useMutation } from "@tanstack/react-query";
import type { MeResponse } from "../../../common/auth";
import type { AcceptInvitationRequest, InvitationPreview } from "../../../common/workspaces";
import { api } from "../../api/client";
import { workspaceHome } from "../../app/paths";
import { useSignedIn } from "./useSignedIn";

/** Accepts an invitation and opens the workspace the person just joined. */
export const useAcceptInvitation = (token: string, preview: InvitationPreview) => {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: AcceptInvitationRequest) =>
      api.post<MeResponse>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: (me) => {
      const joined =
        me.workspaces.find((workspace) => workspace.name === preview.workspaceName) ??
        me.workspaces[me.workspaces.length - 1];
      signedIn(me, joined ? workspaceHome(joined.id) : null);
    },
  });
};
