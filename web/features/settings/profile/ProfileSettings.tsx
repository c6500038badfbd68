import { Divider, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../api/session";
import { SettingsSection } from "../SettingsSection";
import { AvatarSection } from "./AvatarSection";
import { NameAndLanguage } from "./NameAndLanguage";
import { PasswordSection } from "./PasswordSection";

export const ProfileSettings = () => {
  const { t } = useTranslation();
  const { user } = useMe();
  return (
    <SettingsSection title={t("profile.title")} description={t("profile.description")}>
      <Stack gap="xl" maw={560}>
        <AvatarSection user={user} />
        <Divider />
        <NameAndLanguage user={user} />
        <Divider />
        <PasswordSection />
      </Stack>
    </SettingsSection>
  );
};
