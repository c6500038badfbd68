import { Box, CloseButton, Group, Progress, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorCode, errorMessage } from "../../../ui/errors";
import { IconAlert, IconFile } from "../../../ui/icons";
import type { Attachment } from "./attachments";
import classes from "./Composer.module.css";
import { humanSize } from "./partView";

const useFailure = () => {
  const { t } = useTranslation();
  return (error: unknown) =>
    errorCode(error) === "payload_too_large" ? t("composer.fileTooLarge") : errorMessage(error);
};

/** One chosen file: name, size or upload progress, the reason when it failed, and a remove button. */
const Chip = ({ item, onRemove }: { item: Attachment; onRemove: () => void }) => {
  const { t, i18n } = useTranslation();
  const failure = useFailure();
  const reason = item.state === "failed" ? failure(item.error) : null;
  return (
    <Box
      className={classes.chip}
      data-state={item.state}
      role="listitem"
      aria-label={item.name}
      data-testid="attachment-chip"
    >
      <Group gap={6} wrap="nowrap">
        {item.state === "failed" ? (
          <IconAlert size={16} color="var(--mantine-color-red-6)" style={{ flexShrink: 0 }} />
        ) : (
          <IconFile size={16} style={{ flexShrink: 0 }} />
        )}
        <Box miw={0} flex={1}>
          <Text size="xs" fw={500} truncate="end">
            {item.name}
          </Text>
          <Text size="xs" c={reason ? "red" : "dimmed"} truncate="end" role={reason ? "alert" : undefined}>
            {item.state === "uploading"
              ? t("composer.uploading", { percent: Math.round(item.progress * 100) })
              : (reason ?? humanSize(item.size, i18n.language))}
          </Text>
        </Box>
        <Tooltip label={t("composer.removeFile", { name: item.name })} withArrow openDelay={300}>
          <CloseButton size="sm" onClick={onRemove} aria-label={t("composer.removeFile", { name: item.name })} />
        </Tooltip>
      </Group>
      {item.state === "uploading" && (
        <Progress
          value={item.progress * 100}
          size={3}
          mt={4}
          animated={item.progress === 0}
          aria-label={t("composer.uploadProgress", { name: item.name })}
        />
      )}
    </Box>
  );
};

/** The files attached to the message being written. */
export const AttachmentChips = ({ items, onRemove }: { items: Attachment[]; onRemove: (key: string) => void }) => {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Group gap={6} mb="xs" role="list" aria-label={t("composer.attachments")} data-testid="attachments">
      {items.map((item) => (
        <Chip key={item.key} item={item} onRemove={() => onRemove(item.key)} />
      ))}
    </Group>
  );
};
