import { Anchor, Group, Image, Modal, Stack, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IconExternalLink } from "../../../ui/icons";
import { FileLink } from "./FileLink";
import classes from "./Parts.module.css";

interface Props {
  src: string;
  name: string | null;
  /** Stickers: a small picture. */
  small: boolean;
}

/** A picture in the timeline at a fixed height (so the list does not jump); a click shows it full size. */
export const ImagePart = ({ src, name, small }: Props) => {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [broken, setBroken] = useState(false);
  const label = name ?? t(small ? "message.part.sticker" : "message.image");
  if (broken) return <FileLink href={src} name={label} size={null} type={small ? "sticker" : "image"} />;
  return (
    <>
      <UnstyledButton
        className={classes.thumb}
        onClick={open}
        aria-label={t("message.openImage", { name: label })}
        data-testid="message-image"
      >
        <Image
          src={src}
          alt={label}
          h={small ? 120 : 180}
          w="auto"
          maw={small ? 120 : 280}
          fit="contain"
          radius="sm"
          loading="lazy"
          onError={() => setBroken(true)}
        />
      </UnstyledButton>
      <Modal opened={opened} onClose={close} title={label} size="auto" centered>
        <Stack gap="sm" align="center">
          <Image src={src} alt={label} fit="contain" mah="75vh" maw="min(90vw, 1200px)" w="auto" />
          <Group justify="flex-end" w="100%">
            <Anchor href={src} target="_blank" rel="noopener noreferrer" size="sm">
              <Group gap={4} component="span" wrap="nowrap">
                <IconExternalLink size={14} />
                {t("message.openInNewTab")}
              </Group>
            </Anchor>
          </Group>
        </Stack>
      </Modal>
    </>
  );
};
