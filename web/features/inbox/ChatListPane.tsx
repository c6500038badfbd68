import { Badge, Box, Button, EmptyState, Stack, Tabs, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { settingsPath } from "../../app/paths";
import { IconPlug, IconSearch } from "../../ui/icons";
import { useWorkspaceSummary } from "../workspaces/useCurrentWorkspace";

type Tab = "all" | "unread";

const Count = ({ count }: { count: number }) => (
  <Badge size="sm" variant="light" color="gray" circle={count < 10}>
    {count}
  </Badge>
);

/** The left pane: tabs with counts, quick search and the list (empty until a channel is connected). */
export const ChatListPane = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const workspace = useWorkspaceSummary();
  const [tab, setTab] = useState<Tab>("all");
  const [query, setQuery] = useState("");
  const counts: Record<Tab, number> = { all: 0, unread: 0 };
  return (
    <Stack gap={0} h="100%" component="section" aria-label={t("inbox.listLabel")}>
      <Box px="sm" pt="sm">
        <TextInput
          placeholder={t("inbox.searchPlaceholder")}
          aria-label={t("inbox.searchLabel")}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          type="search"
        />
      </Box>
      <Tabs value={tab} onChange={(value) => setTab(value === "unread" ? "unread" : "all")} mt="xs">
        <Tabs.List px="xs">
          <Tabs.Tab value="all" rightSection={<Count count={counts.all} />}>
            {t("inbox.tabs.all")}
          </Tabs.Tab>
          <Tabs.Tab value="unread" rightSection={<Count count={counts.unread} />}>
            {t("inbox.tabs.unread")}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Box flex={1} p="md" style={{ overflowY: "auto" }}>
        <EmptyState
          mt="xl"
          size="sm"
          icon={<IconPlug size={24} />}
          withIndicatorBackground
          title={query ? t("inbox.noMatchesTitle") : t("inbox.emptyTitle")}
          description={query ? t("inbox.noMatchesText", { query }) : t("inbox.emptyText")}
        >
          {!query && (
            <EmptyState.Actions>
              <Button size="sm" variant="light" onClick={() => navigate(settingsPath(workspace.id, "workspace"))}>
                {t("inbox.openSettings")}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      </Box>
    </Stack>
  );
};
