import { Center, EmptyState } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconAddressBook } from "../../ui/icons";

export const ClientCardPane = () => {
  const { t } = useTranslation();
  return (
    <Center h="100%" p="md" component="aside" aria-label={t("inbox.cardLabel")}>
      <EmptyState
        size="sm"
        icon={<IconAddressBook size={24} />}
        title={t("inbox.cardEmptyTitle")}
        description={t("inbox.cardEmptyText")}
      />
    </Center>
  );
};
