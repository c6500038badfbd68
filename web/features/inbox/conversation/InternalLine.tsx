import { Box, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MessageDto } from "../../../../common/inbox";
import { IconEyeOff, IconPointer } from "../../../ui/icons";
import { formatExact } from "../../../ui/time";
import { MessageText } from "./MessageText";
import classes from "./Timeline.module.css";

interface Props {
  message: MessageDto;
  clientName: string;
}

/** A client's press of a link/inline button: an action line, not a message. */
const ClientAction = ({ message, clientName }: Props) => {
  const { t, i18n } = useTranslation();
  return (
    <Box className={classes.action} data-kind="event" data-message-id={message.id} data-testid="client-action">
      <Group gap={6} wrap="nowrap" justify="center" c="dimmed">
        <IconPointer size={14} style={{ flexShrink: 0 }} />
        <Text size="xs" fw={600} truncate="end">
          {message.author.name || clientName}
        </Text>
        <Text size="xs" truncate="end">
          {t("message.pressed", { label: message.text ?? "" })}
        </Text>
        <Text
          component="time"
          size="xs"
          dateTime={message.createdAt}
          title={formatExact(message.createdAt, i18n.language)}
          style={{ flexShrink: 0 }}
        >
          {new Intl.DateTimeFormat(i18n.language, { hour: "2-digit", minute: "2-digit" }).format(
            new Date(message.createdAt),
          )}
        </Text>
      </Group>
    </Box>
  );
};

/** A note by a colleague or a system event: in the middle, marked as not seen by the client. */
export const InternalLine = ({ message, clientName }: Props) => {
  const { t } = useTranslation();
  if (message.kind === "event" && message.author.kind === "client") {
    return <ClientAction message={message} clientName={clientName} />;
  }
  return (
    <Box className={classes.internal} data-kind={message.kind} data-message-id={message.id}>
      <Group gap={6} wrap="nowrap" c="dimmed">
        <IconEyeOff size={14} />
        <Text size="xs" fw={600}>
          {message.kind === "note" ? t("message.note", { name: message.author.name }) : t("message.event")}
        </Text>
        <Text size="xs">· {t("message.invisible")}</Text>
      </Group>
      {message.text && (
        <Text size="sm" className={classes.text}>
          <MessageText text={message.text} />
        </Text>
      )}
    </Box>
  );
};
