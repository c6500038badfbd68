import { Splitter } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useMe } from "../../api/session";
import { usePageTitle } from "../../ui/usePageTitle";
import { useWorkspaceSummary } from "../workspaces/useCurrentWorkspace";
import { ClientCardPane } from "./card/ClientCardPane";
import { ConversationPane } from "./conversation/ConversationPane";
import { HotkeysHelp } from "./HotkeysHelp";
import classes from "./Inbox.module.css";
import { ChatListPane } from "./list/ChatListPane";
import { RowSkeletons } from "./list/RowSkeletons";
import { loadPaneSizes, savePaneSizes } from "./paneSizes";
import { InboxLiveContext } from "./realtime/live";
import { useInboxRealtime } from "./realtime/useInboxRealtime";

/**
 * P1: chats on the left, the open conversation in the centre, the quick client card on the right.
 * The side panes resize (mouse or arrow keys on the handles) and keep their width on this device;
 * below 1100 px (a tablet) the card pane steps aside so the conversation keeps room.
 * The address names the open chat (`/w/:workspaceId/chats/:chatId`); the caches stay live through realtime.
 */
export const InboxPage = () => {
  const { t } = useTranslation();
  usePageTitle(t("inbox.title"));
  const workspace = useWorkspaceSummary();
  const { chatId } = useParams();
  const me = useMe();
  const { ready, live } = useInboxRealtime(workspace.id, me.user.id);
  const wide = useMediaQuery("(min-width: 1100px)", true) ?? true;
  const [sizes] = useState(loadPaneSizes);
  const splitter = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Mantine's resize handles are focusable separators but carry no name.
    const handles = splitter.current?.querySelectorAll(':scope > [role="separator"]') ?? [];
    const labels = wide ? [t("inbox.resizeList"), t("inbox.resizeCard")] : [t("inbox.resizeList")];
    handles.forEach((handle, index) => {
      handle.setAttribute("aria-label", labels[index] ?? "");
    });
  }, [t, wide]);
  return (
    <InboxLiveContext value={live}>
      <h1 className={classes.visuallyHidden}>{t("inbox.title")}</h1>
      <Splitter
        key={wide ? "wide" : "narrow"}
        ref={splitter}
        h="100%"
        lineSize={1}
        handleColor="var(--mantine-color-default-border)"
        className={classes.splitter}
        onSizeChange={(next) => savePaneSizes(next, wide)}
      >
        <Splitter.Pane defaultSize={sizes.list} min="260px" max="520px" className={classes.pane}>
          {ready ? <ChatListPane workspaceId={workspace.id} activeId={chatId} /> : <RowSkeletons />}
        </Splitter.Pane>
        <Splitter.Pane defaultSize={100} min="360px" className={classes.pane}>
          <ConversationPane workspaceId={workspace.id} chatId={ready ? chatId : undefined} />
        </Splitter.Pane>
        {wide && (
          <Splitter.Pane defaultSize={sizes.card} min="240px" max="480px" className={classes.pane}>
            <ClientCardPane workspaceId={workspace.id} chatId={ready ? chatId : undefined} />
          </Splitter.Pane>
        )}
      </Splitter>
      <HotkeysHelp />
    </InboxLiveContext>
  );
};
