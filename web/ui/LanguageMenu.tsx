import { ActionIcon, Button, Menu, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Locale, locales } from "../../common/auth";
import { applyLocale, currentLocale } from "../i18n/init";
import { IconCheck, IconLanguage } from "./icons";

/** Each language is named in itself, so anyone can find their own. */
export const languageNames: Record<Locale, string> = { en: "English", ru: "Русский" };

interface LanguageMenuProps {
  /** Also called after the interface switched, e.g. to save the choice in the profile. */
  onChange?: (locale: Locale) => void;
  compact?: boolean;
}

export const LanguageMenu = ({ onChange, compact = false }: LanguageMenuProps) => {
  const { t } = useTranslation();
  const current = currentLocale();
  const choose = (locale: Locale) => {
    void applyLocale(locale);
    onChange?.(locale);
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {compact ? (
          <Tooltip label={t("language.label")} withArrow>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t("language.label")}>
              <IconLanguage />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            leftSection={<IconLanguage size={16} />}
            aria-label={t("language.label")}
          >
            {languageNames[current]}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("language.label")}</Menu.Label>
        {locales.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => choose(locale)}
            rightSection={locale === current ? <IconCheck size={14} /> : null}
            aria-current={locale === current ? "true" : undefined}
          >
            {languageNames[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
};
