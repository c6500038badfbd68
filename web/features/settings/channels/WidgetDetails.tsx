import { Badge, Box, ColorSwatch, Group, Stack, Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { WidgetChannelConfig } from "../../../../common/widget";
import { CopyField } from "../../../ui/CopyField";
import { SandboxButton, snippetFor } from "./WidgetInstall";

interface Props {
  channelId: string;
  name: string;
  config: WidgetChannelConfig;
}

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Group gap={6} wrap="nowrap" miw={0}>
    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
      {label}
    </Text>
    {children}
  </Group>
);

/** A widget channel on its card: its look, where it may show, and how to install and try it. */
export const WidgetDetails = ({ channelId, name, config }: Props) => {
  const { t } = useTranslation();
  const origins = config.allowedOrigins;
  return (
    <Stack gap={8}>
      <Group gap="lg" wrap="wrap">
        <Field label={t("channels.widget.color")}>
          <Group gap={6} wrap="nowrap" data-testid="widget-card-color" data-color={config.color}>
            <ColorSwatch color={config.color} size={14} aria-hidden="true" />
            <Text size="sm" ff="monospace">
              {config.color}
            </Text>
          </Group>
        </Field>
        <Field label={t("channels.widget.position")}>
          <Text size="sm">
            {t(config.position === "left" ? "channels.widget.positionLeft" : "channels.widget.positionRight")}
          </Text>
        </Field>
        <Field label={t("channels.widget.origins")}>
          {origins.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("channels.widget.onlySandbox")}
            </Text>
          ) : (
            <Tooltip
              label={origins.join("\n")}
              multiline
              maw={420}
              withArrow
              openDelay={300}
              style={{ whiteSpace: "pre-line" }}
            >
              <Text size="sm" truncate="end" data-testid="widget-card-origins">
                {origins.join(", ")}
              </Text>
            </Tooltip>
          )}
        </Field>
        {config.identityRequired && (
          <Badge size="sm" variant="outline" color="gray">
            {t("channels.widget.verifiedOnly")}
          </Badge>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {t("channels.widget.snippet")}
        </Text>
        <Box flex={1} miw={0}>
          <CopyField label={t("channels.widget.snippet")} value={snippetFor(channelId)} size="xs" hideLabel />
        </Box>
        <SandboxButton channelId={channelId} name={name} />
      </Group>
    </Stack>
  );
};
