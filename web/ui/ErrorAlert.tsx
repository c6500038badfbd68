import { Alert, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./errors";
import { IconAlert } from "./icons";

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** An error a person should see; read out by screen readers as it appears. */
export const ErrorAlert = ({ error, title, onRetry }: ErrorAlertProps) => {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={title} role="alert">
      {errorMessage(error)}
      {onRetry && (
        <Button variant="subtle" color="red" size="compact-sm" ml="sm" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      )}
    </Alert>
  );
};
