import { Alert, Stack } from "@mantine/core";
import { CopyField } from "./CopyField";
import { IconAlert } from "./icons";

interface Props {
  label: string;
  value: string;
  warning: string;
}

/** A link or secret the server will not show again: a copy button and a clear warning. */
export const ShownOnce = ({ label, value, warning }: Props) => (
  <Stack gap="sm">
    <CopyField label={label} value={value} />
    <Alert color="yellow" variant="light" icon={<IconAlert />} role="note">
      {warning}
    </Alert>
  </Stack>
);
