import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The footer of a form in a modal: Cancel, and the submit button with its progress. */
export const FormActions = ({
  onCancel,
  submitLabel,
  loading,
}: {
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
};
