import { Group, Kbd, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Fragment, useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Only what works today; the full card (Ctrl+Shift+S, Esc) and mentions (Ctrl+Shift+A) join when they exist. */
const hotkeys: { keys: string[]; action: string }[] = [
  { keys: ["Ctrl", "Enter"], action: "send" },
  { keys: ["Shift", "Enter"], action: "markRead" },
  { keys: ["Ctrl", "Shift", "↑ / ↓"], action: "prevNext" },
  { keys: ["?"], action: "help" },
];

/** P17: `?` shows the list of keyboard shortcuts. */
export const HotkeysHelp = () => {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  useEffect(() => {
    // By the character typed, not the physical key: `?` sits on different keys in different layouts.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select")))
        return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [toggle]);
  return (
    <Modal opened={opened} onClose={close} title={t("hotkeys.title")} centered>
      <Stack gap="xs">
        {hotkeys.map(({ keys, action }) => (
          <Group key={action} justify="space-between" wrap="nowrap">
            <Text size="sm">{t(`hotkeys.${action}`)}</Text>
            <Group gap={4} wrap="nowrap">
              {keys.map((key, index) => (
                <Fragment key={key}>
                  {index > 0 && <Text size="xs">+</Text>}
                  <Kbd size="xs">{key}</Kbd>
                </Fragment>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
};
