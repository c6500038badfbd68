import { ActionIcon, CopyButton, type MantineSize, TextInput, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconCheck, IconCopy } from "./icons";

interface CopyFieldProps {
  label: string;
  value: string;
  size?: MantineSize;
  /** The label is only read out (the place around the field names it already). */
  hideLabel?: boolean;
}

/** A read-only value (a link, a secret) with a button that copies it. */
export const CopyField = ({ label, value, size, hideLabel = false }: CopyFieldProps) => {
  const { t } = useTranslation();
  const iconSize = size === "xs" ? 14 : undefined;
  return (
    <TextInput
      label={label}
      labelProps={hideLabel ? { className: "visually-hidden" } : undefined}
      size={size}
      value={value}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      rightSection={
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow>
              <ActionIcon
                size={size === "xs" ? "sm" : undefined}
                variant="subtle"
                color={copied ? "teal" : "gray"}
                onClick={copy}
                aria-label={copied ? t("common.copied") : t("common.copyLabel", { label })}
              >
                {copied ? <IconCheck size={iconSize} /> : <IconCopy size={iconSize} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
};
