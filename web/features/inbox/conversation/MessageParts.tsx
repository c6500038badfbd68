import { Anchor, Group, Image, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MessagePart } from "../../../../common/inbox";

/** Attachments and other non-text parts: thumbnails for images, plain links for the rest. */
export const MessageParts = ({ parts }: { parts: MessagePart[] }) => {
  const { t } = useTranslation();
  const shown = parts.filter((part) => part.type !== "text");
  if (shown.length === 0) return null;
  return (
    <Stack gap={4} mt={4}>
      {shown.map((part, index) => {
        const key = `${part.type}-${index}`;
        switch (part.type) {
          case "image":
          case "sticker":
            return (
              <Anchor key={key} href={part.url} target="_blank" rel="noopener noreferrer nofollow">
                <Image
                  src={part.url}
                  alt={part.name ?? t("message.image")}
                  maw={240}
                  mah={240}
                  radius="sm"
                  fit="contain"
                />
              </Anchor>
            );
          case "video":
          case "audio":
          case "voice":
          case "file":
            return (
              <Anchor key={key} href={part.url} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                📎 {part.name ?? t(`message.part.${part.type}`)}
              </Anchor>
            );
          case "button":
            return (
              <Anchor key={key} href={part.url} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                {part.text}
              </Anchor>
            );
          case "location":
            return (
              <Text key={key} size="sm">
                📍 {part.latitude}, {part.longitude}
              </Text>
            );
          case "contact":
            return (
              <Group key={key} gap={4}>
                <Text size="sm">👤 {part.name}</Text>
                <Text size="sm" c="dimmed">
                  {part.phone}
                </Text>
              </Group>
            );
          default:
            return null;
        }
      })}
    </Stack>
  );
};
