import { Anchor, Box, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MessagePart } from "../../../../common/inbox";
import { IconExternalLink, IconMapPin, IconMicrophone, IconUser } from "../../../ui/icons";
import { FileLink } from "./FileLink";
import { ImagePart } from "./ImagePart";
import classes from "./Parts.module.css";
import { type ButtonView, type PartView, partViews } from "./partView";

const coordinate = (value: number) => value.toFixed(5);

/** Video and audio play inline; the download link helps where the browser cannot play the format. */
const Playable = ({ view }: { view: Extract<PartView, { kind: "video" | "audio" }> }) => {
  const { t } = useTranslation();
  const voice = view.kind === "audio" && view.voice;
  const label = voice ? t("message.part.voice") : (view.name ?? t(`message.part.${view.kind}`));
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        {voice && <IconMicrophone size={14} />}
        <Text size="xs" c="dimmed" truncate="end" flex={1}>
          {label}
        </Text>
        <Anchor href={view.src} size="xs" download="" aria-label={t("message.download", { name: label })}>
          {t("message.downloadShort")}
        </Anchor>
      </Group>
      {view.kind === "video" ? (
        // biome-ignore lint/a11y/useMediaCaption: media from messengers come without captions
        <video className={classes.video} src={view.src} controls preload="metadata" aria-label={label} />
      ) : (
        // biome-ignore lint/a11y/useMediaCaption: media from messengers come without captions
        <audio className={classes.audio} src={view.src} controls preload="metadata" aria-label={label} />
      )}
    </Stack>
  );
};

const Part = ({ view }: { view: PartView }) => {
  const { t } = useTranslation();
  switch (view.kind) {
    case "image":
      return <ImagePart src={view.src} name={view.name} small={view.small} />;
    case "video":
    case "audio":
      return <Playable view={view} />;
    case "file":
      return <FileLink href={view.href} name={view.name} size={view.size} type={view.type} />;
    case "unavailable":
      return (
        <FileLink
          href={null}
          name={view.name}
          size={view.size}
          type={view.type}
          note={t(view.reason === "tooLarge" ? "message.notDownloaded" : "message.unsafeLink")}
        />
      );
    case "location":
      return (
        <Anchor
          href={view.href}
          target="_blank"
          rel="noopener noreferrer"
          size="sm"
          data-testid="message-location"
          aria-label={t("message.locationLabel", {
            latitude: coordinate(view.latitude),
            longitude: coordinate(view.longitude),
          })}
        >
          <Group gap={6} wrap="nowrap" component="span">
            <IconMapPin size={16} />
            {t("message.location")}: {coordinate(view.latitude)}, {coordinate(view.longitude)}
          </Group>
        </Anchor>
      );
    case "contact":
      return (
        <Group gap={8} wrap="nowrap" className={classes.card} data-testid="message-contact">
          <IconUser size={20} style={{ flexShrink: 0 }} />
          <Box miw={0}>
            <Text size="sm" fw={500} truncate="end">
              {view.name || t("message.contact")}
            </Text>
            {view.tel ? (
              <Anchor href={view.tel} size="xs">
                {view.phone}
              </Anchor>
            ) : (
              <Text size="xs" c="dimmed">
                {view.phone}
              </Text>
            )}
          </Box>
        </Group>
      );
    default:
      return null;
  }
};

/** Link buttons under a message, as the client sees them in the messenger. */
const LinkButtons = ({ buttons }: { buttons: ButtonView[] }) => {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mt={6} role="group" aria-label={t("message.buttons")}>
      {buttons.map((button, index) => (
        <Button
          // biome-ignore lint/suspicious/noArrayIndexKey: buttons have no id and never reorder
          key={index}
          component="a"
          href={button.href}
          target="_blank"
          rel="noopener noreferrer"
          variant="default"
          size="compact-sm"
          fullWidth
          rightSection={<IconExternalLink size={12} />}
        >
          {button.text}
        </Button>
      ))}
    </Stack>
  );
};

/** Attachments and other non-text parts, rendered as elements (never as HTML), with only safe addresses. */
export const MessageParts = ({ parts }: { parts: MessagePart[] }) => {
  const { content, buttons } = partViews(parts);
  if (content.length === 0 && buttons.length === 0) return null;
  return (
    <>
      {content.length > 0 && (
        <Stack gap={6} mt={4} align="flex-start">
          {content.map((view, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and never reorder
            <Part key={index} view={view} />
          ))}
        </Stack>
      )}
      {buttons.length > 0 && <LinkButtons buttons={buttons} />}
    </>
  );
};
