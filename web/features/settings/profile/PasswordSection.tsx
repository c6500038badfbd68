import { Button, Group, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChangePasswordRequest, changePasswordRequest } from "../../../../common/auth";
import { api } from "../../../api/client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { type FieldErrors, validate } from "../../../ui/validation";

export const PasswordSection = () => {
  const { t } = useTranslation();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<void>("/api/v1/me/password", body),
    onSuccess: () => setValues({ currentPassword: "", newPassword: "" }),
  });
  const field = (name: keyof typeof values) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [name]: value }));
      setErrors((old) => ({ ...old, [name]: undefined }));
      change.reset();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(changePasswordRequest, values);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    change.mutate(result.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t("profile.passwordTitle")}
        </Title>
        <PasswordInput
          label={t("fields.currentPassword")}
          autoComplete="current-password"
          {...field("currentPassword")}
        />
        <PasswordInput
          label={t("fields.newPassword")}
          description={t("setup.passwordHint")}
          autoComplete="new-password"
          {...field("newPassword")}
        />
        <ErrorAlert error={change.error} />
        <Group gap="sm">
          <Button type="submit" variant="default" loading={change.isPending}>
            {t("profile.passwordSubmit")}
          </Button>
          {change.isSuccess && (
            <Text size="sm" c="teal" role="status">
              {t("profile.passwordChanged")}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
};
