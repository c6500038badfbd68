import { Anchor, Notification, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconExternalLink } from "./icons";
import { hideNotice, useNotices } from "./notices";

/** The corner where notices appear; read out politely by screen readers. */
export const Notices = () => {
  const { t } = useTranslation();
  const notices = useNotices();
  return (
    <Stack
      gap="xs"
      aria-live="polite"
      style={{ position: "fixed", right: 16, top: 60, zIndex: 400, width: "min(380px, calc(100vw - 32px))" }}
    >
      {notices.map((notice) => (
        <Notification
          key={notice.id}
          title={notice.title}
          color={notice.color ?? "teal"}
          withBorder
          onClose={() => hideNotice(notice.id)}
          closeButtonProps={{ "aria-label": t("common.close") }}
          data-testid={notice.testId}
          role="group"
          aria-label={notice.title}
        >
          {notice.message && <Text size="sm">{notice.message}</Text>}
          {notice.link && (
            <Anchor href={notice.link.href} target="_blank" rel="noopener" size="sm" fw={600}>
              {notice.link.label} <IconExternalLink size={12} style={{ verticalAlign: "-1px" }} />
            </Anchor>
          )}
        </Notification>
      ))}
    </Stack>
  );
};
