import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { type MeResponse, type SetupRequest, setupRequest } from "../../../common/auth";
import { api } from "../../api/client";
import { useSetupStatus } from "../../api/session";
import { currentLocale } from "../../i18n/init";
import { AuthLayout } from "../../ui/AuthLayout";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { errorCode } from "../../ui/errors";
import { PageLoader } from "../../ui/PageLoader";
import { type FieldErrors, validate } from "../../ui/validation";
import { useSignedIn } from "../auth/useSignedIn";

const empty = { name: "", email: "", password: "", workspaceName: "" };

/** First run (P27): the person installing Parley creates their account and the first workspace. */
export const SetupPage = () => {
  const { t } = useTranslation();
  const status = useSetupStatus();
  const signedIn = useSignedIn();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const setup = useMutation({
    mutationFn: (body: SetupRequest) => api.post<MeResponse>("/api/v1/setup", body),
    onSuccess: (me) => signedIn(me),
  });

  if (status.isPending) return <PageLoader />;
  if (status.data && !status.data.needed && !setup.isSuccess) return <Navigate to="/login" replace />;

  const field = (name: keyof typeof empty) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [name]: value }));
      setErrors((old) => ({ ...old, [name]: undefined }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(setupRequest, { ...values, locale: currentLocale() });
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setup.mutate(result.data);
  };

  return (
    <AuthLayout title={t("setup.title")} subtitle={t("setup.subtitle")} width={460}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {errorCode(setup.error) === "setup_done" ? (
            <Alert color="yellow" variant="light" role="alert">
              {t("errors.setup_done")}{" "}
              <Anchor component={Link} to="/login">
                {t("setup.goToLogin")}
              </Anchor>
            </Alert>
          ) : (
            <ErrorAlert error={setup.error} />
          )}
          <TextInput label={t("fields.yourName")} autoComplete="name" required autoFocus {...field("name")} />
          <TextInput label={t("fields.email")} type="email" autoComplete="email" required {...field("email")} />
          <PasswordInput
            label={t("fields.password")}
            description={t("setup.passwordHint")}
            autoComplete="new-password"
            required
            {...field("password")}
          />
          <TextInput
            label={t("fields.workspaceName")}
            description={t("setup.workspaceHint")}
            autoComplete="organization"
            required
            {...field("workspaceName")}
          />
          <Button type="submit" loading={setup.isPending} fullWidth mt="xs">
            {t("setup.submit")}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t("setup.footnote")}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
};
