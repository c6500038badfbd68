import { Button, EmptyState } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { settingsPath } from "../../../app/paths";
import { IconCheck, IconPlug, IconSearch } from "../../../ui/icons";
import { DemoOffer } from "../../demo/DemoOffer";
import { isAdmin, useWorkspaceSummary } from "../../workspaces/useCurrentWorkspace";

interface Props {
  query: string;
  tab: "all" | "unread";
  /** null while the channels load. */
  hasChannels: boolean | null;
}

/** What an empty list means, and what to do next. */
export const ListEmpty = ({ query, tab, hasChannels }: Props) => {
  const { t } = useTranslation();
  if (query) {
    return (
      <EmptyState
        mt="xl"
        size="sm"
        icon={<IconSearch size={24} />}
        withIndicatorBackground
        title={t("inbox.noMatchesTitle")}
        description={t("inbox.noMatchesText", { query })}
      />
    );
  }
  if (tab === "unread" && hasChannels) {
    return (
      <EmptyState
        mt="xl"
        size="sm"
        icon={<IconCheck size={24} />}
        withIndicatorBackground
        title={t("inbox.caughtUpTitle")}
        description={t("inbox.caughtUpText")}
      />
    );
  }
  return <NoConversations hasChannels={hasChannels} />;
};

/** A workspace without conversations: connect a channel, or try Parley in the demo workspace (P27). */
const NoConversations = ({ hasChannels }: { hasChannels: boolean | null }) => {
  const { t } = useTranslation();
  const workspace = useWorkspaceSummary();
  const connect = hasChannels === false;
  return (
    <EmptyState
      mt="xl"
      size="sm"
      icon={<IconPlug size={24} />}
      withIndicatorBackground
      title={t("inbox.emptyTitle")}
      description={
        connect ? (isAdmin(workspace) ? t("inbox.emptyText") : t("inbox.emptyTextManager")) : t("inbox.waitingText")
      }
    >
      <DemoOffer>
        {connect && (
          <Button size="sm" variant="light" component={Link} to={settingsPath(workspace.id, "channels")}>
            {t("inbox.openChannels")}
          </Button>
        )}
      </DemoOffer>
    </EmptyState>
  );
};
