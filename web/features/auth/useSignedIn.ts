import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import type { MeResponse } from "../../../common/auth";
import { setupKey, useSessionCache } from "../../api/session";
import { workspaceHome } from "../../app/paths";
import { applyLocale } from "../../i18n/init";

/** After login, setup or accepting an invitation: remember the session and open the right page. */
export const useSignedIn = () => {
  const { setMe } = useSessionCache();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (me: MeResponse, target?: string | null) => {
    queryClient.removeQueries({ queryKey: setupKey });
    setMe(me);
    void applyLocale(me.user.locale);
    const first = me.workspaces[0];
    navigate(target ?? (first ? workspaceHome(first.id) : "/"), { replace: true });
  };
};
