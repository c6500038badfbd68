import { Modal, SegmentedControl, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiChannelForm } from "./ApiChannelForm";
import { TelegramChannelForm } from "./TelegramChannelForm";

interface Props {
  opened: boolean;
  onClose: () => void;
  workspaceId: string;
}

type Kind = "api" | "telegram";

/** Adds a channel: first its kind (API channel or Telegram bot), then what that kind needs. */
export const CreateChannelModal = ({ opened, onClose, workspaceId }: Props) => {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>("api");
  const [created, setCreated] = useState(false);
  const close = onClose;
  // Reset once the modal has faded out, so the closing modal does not flip to the other form.
  const reset = () => {
    setKind("api");
    setCreated(false);
  };
  const form =
    kind === "telegram" ? (
      <TelegramChannelForm workspaceId={workspaceId} onClose={close} onCreated={() => setCreated(true)} />
    ) : (
      <ApiChannelForm workspaceId={workspaceId} onClose={close} onCreated={() => setCreated(true)} />
    );
  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={reset}
      title={kind === "telegram" ? t("channels.createTitleTelegram") : t("channels.createTitle")}
      centered
      size="lg"
    >
      <Stack>
        {!created && (
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(value) => setKind(value === "telegram" ? "telegram" : "api")}
            aria-label={t("channels.kind")}
            data-testid="channel-kind"
            data={[
              { value: "api", label: t("channels.kindApi") },
              { value: "telegram", label: t("channels.kindTelegram") },
            ]}
          />
        )}
        {/* The key starts each kind's form afresh. */}
        <div key={kind}>{form}</div>
      </Stack>
    </Modal>
  );
};
