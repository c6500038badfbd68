import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

export const PageLoader = () => {
  const { t } = useTranslation();
  return (
    <Center h="100%" mih={200} role="status" aria-live="polite">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
};
