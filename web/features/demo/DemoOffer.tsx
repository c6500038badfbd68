import { Box, Button, EmptyState, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { IconPlay } from "../../ui/icons";
import { useOpenDemo } from "./useOpenDemo";

/**
 * The actions of an empty state that offer the demo workspace (P27): `children` (e.g. "Connect a channel"), then
 * "Open the demo workspace" with its progress, a line on what it is, and what went wrong. Inside an EmptyState.
 */
export const DemoOffer = ({ children }: { children?: ReactNode }) => {
  const { t } = useTranslation();
  const demo = useOpenDemo();
  return (
    <>
      <EmptyState.Actions style={{ justifyContent: "center" }}>
        {children}
        <Button
          size="sm"
          variant="default"
          leftSection={<IconPlay size={14} />}
          loading={demo.isPending}
          onClick={() => demo.mutate()}
          data-testid="open-demo"
        >
          {t("demo.open")}
        </Button>
      </EmptyState.Actions>
      <Text size="xs" c="dimmed" mt="sm" maw={340} mx="auto">
        {t("demo.hint")}
      </Text>
      {demo.error && (
        <Box mt="sm" ta="left">
          <ErrorAlert error={demo.error} title={t("demo.failed")} />
        </Box>
      )}
    </>
  );
};
