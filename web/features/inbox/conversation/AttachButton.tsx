import { ActionIcon, FileButton, Tooltip } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { IconPaperclip } from "../../../ui/icons";

interface Props {
  /** Whether the channel's messenger carries files; null while the chat loads. */
  media: boolean | null;
  full: boolean;
  onFiles: (files: File[]) => void;
}

/** The paperclip: choose one or more files; disabled, saying why, where the channel cannot send files. */
export const AttachButton = ({ media, full, onFiles }: Props) => {
  const { t } = useTranslation();
  const reset = useRef<() => void>(null);
  const label = t("composer.attach");
  if (!media || full) {
    const why = media === false ? t("composer.attachUnsupported") : full ? t("composer.attachFull") : label;
    return (
      <Tooltip label={why} withArrow multiline maw={260}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          data-disabled
          aria-disabled="true"
          aria-label={label}
          aria-description={why}
          data-testid="attach-files"
          onClick={(event) => event.preventDefault()}
        >
          <IconPaperclip size={18} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <FileButton
      multiple
      resetRef={reset}
      onChange={(files) => {
        if (files.length > 0) onFiles(files);
        reset.current?.();
      }}
    >
      {(props) => (
        <Tooltip label={label} withArrow openDelay={300}>
          <ActionIcon {...props} variant="subtle" color="gray" size="lg" aria-label={label} data-testid="attach-files">
            <IconPaperclip size={18} />
          </ActionIcon>
        </Tooltip>
      )}
    </FileButton>
  );
};
