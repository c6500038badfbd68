import { Box, Tooltip } from "@mantine/core";
import type { ChannelKind, ChatStatus } from "../../../common/inbox";

const look: Record<ChannelKind, { color: string; label: string }> = {
  telegram: { color: "#229ED9", label: "TG" },
  vk: { color: "#0077FF", label: "VK" },
  widget: { color: "var(--mantine-color-teal-6)", label: "W" },
  api: { color: "var(--mantine-color-violet-6)", label: "API" },
};

export const channelKindName: Record<ChannelKind, string> = {
  telegram: "Telegram",
  vk: "VK",
  widget: "Widget",
  api: "API",
};

/** The badge colour of a client's status: blocked the bot stands out most (nothing reaches them). */
export const statusColor = (status: ChatStatus): string =>
  status === "subscribed" ? "teal" : status === "blocked" ? "red" : "orange";

interface Props {
  kind: ChannelKind;
  /** Shown on hover, e.g. the channel's name. */
  title?: string;
  size?: number;
}

/** A small round mark of the messenger (on avatars, chips and in the card). */
export const ChannelIcon = ({ kind, title, size = 16 }: Props) => {
  const { color, label } = look[kind];
  const mark = (
    <Box
      component="span"
      aria-hidden="true"
      style={{
        display: "inline-flex",
        alignItems: "center",
        justifyContent: "center",
        width: size,
        height: size,
        borderRadius: "50%",
        background: color,
        color: "white",
        fontSize: label.length > 2 ? size * 0.36 : size * 0.46,
        fontWeight: 700,
        lineHeight: 1,
        letterSpacing: "-0.02em",
        flexShrink: 0,
        boxShadow: "0 0 0 2px var(--mantine-color-body)",
      }}
    >
      {label}
    </Box>
  );
  return title ? (
    <Tooltip label={title} withArrow openDelay={300}>
      {mark}
    </Tooltip>
  ) : (
    mark
  );
};
