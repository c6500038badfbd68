import { ActionIcon, CopyButton, TextInput, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconCheck, IconCopy } from "./icons";

interface CopyFieldProps {
  label: string;
  value: string;
}

/** A read-only value (a link, a secret) with a button that copies it. */
export const CopyField = ({ label, value }: CopyFieldProps) => {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      value={value}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      rightSection={
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow>
              <ActionIcon
                variant="subtle"
                color={copied ? "teal" : "gray"}
                onClick={copy}
                aria-label={copied ? t("common.copied") : t("common.copyLabel", { label })}
              >
                {copied ? <IconCheck /> : <IconCopy />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
};
