import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconMessages } from "./icons";

export const Logo = () => (
  <Group gap={8} wrap="nowrap">
    <ThemeIcon size={28} radius="md" variant="filled">
      <IconMessages size={18} />
    </ThemeIcon>
    <Text fw={700} size="lg" style={{ letterSpacing: "-0.01em" }}>
      Parley
    </Text>
  </Group>
);
