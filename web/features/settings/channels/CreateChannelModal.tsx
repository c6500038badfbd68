import { Modal, SegmentedControl, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiChannelForm } from "./ApiChannelForm";
import { TelegramChannelForm } from "./TelegramChannelForm";
import { WidgetChannelForm } from "./WidgetChannelForm";

interface Props {
  opened: boolean;
  onClose: () => void;
  workspaceId: string;
}

const kinds = ["api", "telegram", "widget"] as const;
type Kind = (typeof kinds)[number];
const isKind = (value: string): value is Kind => (kinds as readonly string[]).includes(value);

const titles = {
  api: "channels.createTitle",
  telegram: "channels.createTitleTelegram",
  widget: "channels.createTitleWidget",
} as const satisfies Record<Kind, string>;

/** Adds a channel: first its kind (API channel, Telegram bot or web widget), then what that kind needs. */
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
  const formProps = { workspaceId, onClose: close, onCreated: () => setCreated(true) };
  const form =
    kind === "telegram" ? (
      <TelegramChannelForm {...formProps} />
    ) : kind === "widget" ? (
      <WidgetChannelForm {...formProps} />
    ) : (
      <ApiChannelForm {...formProps} />
    );
  return (
    <Modal opened={opened} onClose={close} onExitTransitionEnd={reset} title={t(titles[kind])} centered size="lg">
      <Stack>
        {!created && (
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(value) => {
              if (isKind(value)) setKind(value);
            }}
            aria-label={t("channels.kind")}
            data-testid="channel-kind"
            data={[
              { value: "api", label: t("channels.kindApi") },
              { value: "telegram", label: t("channels.kindTelegram") },
              { value: "widget", label: t("channels.kindWidget") },
            ]}
          />
        )}
        {/* The key starts each kind's form afresh. */}
        <div key={kind}>{form}</div>
      </Stack>
    </Modal>
  );
};
