import { Button, Code, Stack, Text } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { sandboxPath, widgetSnippet } from "../../../../common/widget";
import { CopyField } from "../../../ui/CopyField";
import { IconExternalLink } from "../../../ui/icons";

/** The script tag of a widget channel, for this Parley's own address. */
export const snippetFor = (channelId: string): string => widgetSnippet(window.location.origin, channelId);

/** Opens the channel's sandbox page in a new tab, where you play the visitor. */
export const SandboxButton = ({
  channelId,
  name,
  size = "xs",
}: {
  channelId: string;
  name?: string;
  size?: "xs" | "sm";
}) => {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={sandboxPath(channelId)}
      target="_blank"
      rel="noopener"
      variant="light"
      size={size}
      leftSection={<IconExternalLink size={14} />}
      aria-label={name ? t("channels.widget.openSandboxNamed", { name }) : undefined}
      data-testid="open-sandbox"
    >
      {t("channels.widget.openSandbox")}
    </Button>
  );
};

/** The script tag to paste into a site, with a short note on where it goes. */
export const WidgetSnippet = ({ channelId }: { channelId: string }) => {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <CopyField label={t("channels.widget.snippet")} value={snippetFor(channelId)} />
      <Text size="xs" c="dimmed">
        {t("channels.widget.snippetHint")}
      </Text>
    </Stack>
  );
};

const identityExample = `<script>
  window.parleySettings = { identity: {
    id: "42", name: "Anna", email: "anna@example.com",
    hash: "<hex HMAC-SHA256 of id with the secret>",
  } };
</script>
<script src="…/widget.js" data-parley-channel="…" async></script>`;

/** How a site proves who its signed-in visitor is (P21): the HMAC of the visitor's id with the secret. */
export const IdentityHowTo = () => {
  const { t } = useTranslation();
  // The example is code: it reads the same in every language.
  return (
    <Stack gap={6}>
      <Text size="sm">
        <Trans i18nKey="channels.widget.identityHowTo" components={{ code: <Code /> }} />
      </Text>
      <Code block>{identityExample}</Code>
      <Text size="xs" c="dimmed">
        {t("channels.widget.identityHowToNote")}
      </Text>
    </Stack>
  );
};
