import { Alert, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import type { LoginRequest, MeResponse } from "../../../common/auth";
import { api } from "../../api/client";
import { useSession, useSetupStatus } from "../../api/session";
import { safeNext } from "../../app/paths";
import { AuthLayout } from "../../ui/AuthLayout";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageLoader } from "../../ui/PageLoader";
import { useSignedIn } from "./useSignedIn";

export const LoginPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const expired = params.get("expired") === "1";
  const setup = useSetupStatus();
  const session = useSession();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [touched, setTouched] = useState(false);
  const login = useMutation({
    mutationFn: (body: LoginRequest) => api.post<MeResponse>("/api/v1/auth/login", body),
    onSuccess: (me) => signedIn(me, next),
  });

  if (setup.isPending) return <PageLoader />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (session.data?.me && !login.isPending && !login.isSuccess) {
    return <Navigate to={next ?? "/"} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!email.trim() || !password) return;
    login.mutate({ email: email.trim(), password });
  };

  return (
    <AuthLayout title={t("login.title")} subtitle={t("login.subtitle")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {expired && !login.isError && (
            <Alert color="yellow" variant="light" role="status">
              {t("login.expired")}
            </Alert>
          )}
          <ErrorAlert error={login.error} />
          <TextInput
            label={t("fields.email")}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            error={touched && !email.trim() ? t("validation.required") : null}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t("fields.password")}
            autoComplete="current-password"
            required
            value={password}
            error={touched && !password ? t("validation.required") : null}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t("login.submit")}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t("login.noAccount")}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
};
