import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { sandboxPath } from "../../../common/widget";
import { createDemo } from "../../api/demo";
import { useSessionCache } from "../../api/session";
import { workspaceHome } from "../../app/paths";
import { showNotice } from "../../ui/notices";

/**
 * P27: makes a demo workspace, opens its inbox and offers the sandbox, where the person plays the client in
 * another tab.
 */
export const useOpenDemo = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { refresh } = useSessionCache();
  return useMutation({
    mutationFn: createDemo,
    onSuccess: async ({ workspace, channelId }) => {
      // The workspace list comes with the session: it must know the new one before its page opens.
      await refresh();
      navigate(workspaceHome(workspace.id));
      showNotice({
        title: t("demo.readyTitle", { name: workspace.name }),
        message: t("demo.readyText"),
        link: { href: sandboxPath(channelId), label: t("demo.playClient") },
        testId: "demo-notice",
      });
    },
  });
};
