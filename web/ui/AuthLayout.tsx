import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageMenu } from "./LanguageMenu";
import { Logo } from "./Logo";
import { usePageTitle } from "./usePageTitle";

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}

/** The frame of the pages seen before signing in: setup, login, invitation. */
export const AuthLayout = ({ title, subtitle, children, width = 420 }: AuthLayoutProps) => {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Box mih="100%" bg="var(--mantine-color-default-hover)">
      <Group justify="space-between" px="lg" py="sm">
        <Logo />
        <LanguageMenu />
      </Group>
      <Center component="main" px="md" pb={64} pt={32}>
        <Stack w="100%" maw={width} gap="lg">
          <Stack gap={4} ta="center">
            <Title order={1} size="h2">
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            )}
          </Stack>
          <Paper withBorder shadow="xs" p="xl" radius="lg">
            {children}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t("app.tagline")}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
};
