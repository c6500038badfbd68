import { ActionIcon, Box, Group, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MessageDto } from "../../../../common/inbox";
import { IconEyeOff, IconReply } from "../../../ui/icons";
import { formatExact } from "../../../ui/time";
import { DeliveryState } from "./DeliveryState";
import { MessageParts } from "./MessageParts";
import { MessageText } from "./MessageText";
import classes from "./Timeline.module.css";

interface Props {
  message: MessageDto;
  /** Client messages carry no author name of their own: the chat's client name stands in. */
  clientName: string;
  onReply: (message: MessageDto) => void;
  onJumpTo: (messageId: string) => void;
  onRetry: (message: MessageDto) => void;
  retrying: boolean;
}

const clock = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** Who wrote it, as the timeline names them (P11). */
const useAuthorLabel = (message: MessageDto, clientName: string): string => {
  const { t } = useTranslation();
  if (message.author.kind === "bot") return t("message.bot");
  if (message.author.kind === "page") return t("message.page");
  return message.author.name || clientName;
};

/** One item of the timeline: a client's message (left), ours (right), or a note / event (centre). */
export const MessageBubble = ({ message, clientName, onReply, onJumpTo, onRetry, retrying }: Props) => {
  const { t, i18n } = useTranslation();
  const author = useAuthorLabel(message, clientName);
  const quoteAuthor = message.replyTo?.authorName || clientName;
  const time = clock(message.createdAt, i18n.language);
  const internal = message.kind !== "message";
  if (internal) {
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
  }
  const outgoing = message.direction === "out";
  const deleted = message.deletedAt !== null;
  return (
    <Box className={classes.line} data-side={outgoing ? "out" : "in"}>
      <Box
        className={classes.bubble}
        data-side={outgoing ? "out" : "in"}
        data-author={message.author.kind}
        data-message-id={message.id}
        tabIndex={-1}
      >
        {outgoing && (
          <Text size="xs" fw={600} c="dimmed" mb={2}>
            {author}
          </Text>
        )}
        {message.replyTo && (
          <UnstyledButton
            className={classes.quote}
            onClick={() => message.replyTo && onJumpTo(message.replyTo.id)}
            aria-label={t("message.quoteLabel", { name: quoteAuthor })}
          >
            <Text size="xs" fw={600}>
              {quoteAuthor}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {message.replyTo.text ?? t("inbox.attachment")}
            </Text>
          </UnstyledButton>
        )}
        {deleted ? (
          <Text size="sm" fs="italic" c="dimmed">
            {t("message.deleted")}
          </Text>
        ) : (
          message.text && (
            <Text size="sm" className={classes.text}>
              <MessageText text={message.text} />
            </Text>
          )
        )}
        <MessageParts parts={message.parts} />
        <Group gap={6} justify="flex-end" wrap="nowrap" mt={2}>
          {message.editedAt && (
            <Text size="xs" c="dimmed">
              {t("message.edited")}
            </Text>
          )}
          <Text
            component="time"
            size="xs"
            c="dimmed"
            dateTime={message.createdAt}
            title={formatExact(message.createdAt, i18n.language)}
          >
            {time}
          </Text>
          {outgoing && message.status !== "failed" && (
            <DeliveryState message={message} onRetry={() => onRetry(message)} retrying={retrying} />
          )}
        </Group>
        {outgoing && message.status === "failed" && (
          <DeliveryState message={message} onRetry={() => onRetry(message)} retrying={retrying} />
        )}
      </Box>
      {!deleted && (
        <Tooltip label={t("message.reply")} withArrow openDelay={300}>
          <ActionIcon
            className={classes.replyButton}
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => onReply({ ...message, author: { ...message.author, name: author } })}
            aria-label={t("message.replyTo", { name: author })}
          >
            <IconReply size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Box>
  );
};
