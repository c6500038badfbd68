import { Center, EmptyState, Kbd, Text } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { IconMessages } from "../../ui/icons";
import classes from "./Inbox.module.css";

export const ConversationPane = () => {
  const { t } = useTranslation();
  return (
    <Center h="100%" className={classes.centre} component="section" aria-label={t("inbox.conversationLabel")}>
      <EmptyState
        icon={<IconMessages size={28} />}
        withIndicatorBackground
        title={t("inbox.chooseTitle")}
        description={t("inbox.chooseText")}
      >
        <Text size="xs" c="dimmed" mt="sm">
          <Trans i18nKey="inbox.hotkeysHint" components={{ kbd: <Kbd size="xs" /> }} />
        </Text>
      </EmptyState>
    </Center>
  );
};
