import { Anchor, Box, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MessagePart } from "../../../../common/inbox";
import { IconFile } from "../../../ui/icons";
import classes from "./Parts.module.css";
import { humanSize } from "./partView";

interface Props {
  /** A safe URL (see safeMediaUrl), or null when there is nothing to download. */
  href: string | null;
  name: string | null;
  size: number | null;
  type: MessagePart["type"];
  /** Why there is no file to open, shown instead of the link. */
  note?: string;
}

/** A file as a line: icon, name and size; a download link when the file is there. */
export const FileLink = ({ href, name, size, type, note }: Props) => {
  const { t, i18n } = useTranslation();
  const label = name ?? t(`message.part.${type}`);
  const sizeText = size !== null ? humanSize(size, i18n.language) : null;
  const body = (
    <Group gap={8} wrap="nowrap" className={classes.file} component="span">
      <IconFile size={20} style={{ flexShrink: 0 }} />
      <Box component="span" miw={0}>
        <Text span size="sm" fw={500} display="block" truncate="end">
          {label}
        </Text>
        {(sizeText || note) && (
          <Text span size="xs" c="dimmed" display="block">
            {[sizeText, note].filter(Boolean).join(" · ")}
          </Text>
        )}
      </Box>
    </Group>
  );
  if (!href) return <Box data-testid="message-file-unavailable">{body}</Box>;
  const ownFile = href.startsWith("/api/");
  return (
    <Anchor
      href={href}
      underline="never"
      c="inherit"
      {...(ownFile ? { download: "" } : { target: "_blank", rel: "noopener noreferrer" })}
      aria-label={
        sizeText ? t("message.downloadSized", { name: label, size: sizeText }) : t("message.download", { name: label })
      }
      data-testid="message-file"
    >
      {body}
    </Anchor>
  );
};
