import { Button, Group, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MessageDto } from "../../../../common/inbox";
import { IconAlert, IconCheck, IconCheckDouble, IconClock } from "../../../ui/icons";

interface Props {
  message: MessageDto;
  onRetry: () => void;
  retrying: boolean;
}

/** P11: where an outgoing message is — queued, sent, delivered, read, or failed with the reason and a retry. */
export const DeliveryState = ({ message, onRetry, retrying }: Props) => {
  const { t } = useTranslation();
  const { status } = message;
  if (!status) return null;
  const label = t(`message.status.${status}`);
  if (status === "failed") {
    return (
      <Group gap={6} wrap="nowrap" mt={4} c="red" data-status="failed" align="flex-start">
        <IconAlert size={14} style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="xs" c="red" role="status" flex={1} style={{ overflowWrap: "anywhere" }}>
          {label}
          {message.error ? `: ${message.error}` : ""}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          onClick={onRetry}
          loading={retrying}
          style={{ flexShrink: 0 }}
        >
          {t("message.retry")}
        </Button>
      </Group>
    );
  }
  const icon =
    status === "queued" ? (
      <IconClock size={13} />
    ) : status === "sent" ? (
      <IconCheck size={13} />
    ) : (
      <IconCheckDouble size={13} />
    );
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <Text
        span
        size="xs"
        c={status === "read" ? "blue" : "dimmed"}
        data-status={status}
        aria-label={label}
        role="img"
        style={{ display: "inline-flex" }}
      >
        {icon}
      </Text>
    </Tooltip>
  );
};
