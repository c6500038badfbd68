import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { setupRequest } from "../../../common/auth";
import type { InvitationPreview } from "../../../common/workspaces";
import { loginPath } from "../../app/paths";
import { currentLocale } from "../../i18n/init";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { errorCode } from "../../ui/errors";
import { type FieldErrors, validate } from "../../ui/validation";
import { useAcceptInvitation } from "./acceptInvitation";

const newPerson = setupRequest.pick({ name: true, email: true, password: true, locale: true });

interface Props {
  token: string;
  preview: InvitationPreview;
}

/** Someone without an account creates one while accepting. */
export const AcceptAsNewPerson = ({ token, preview }: Props) => {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token, preview);
  const [values, setValues] = useState({ name: "", email: preview.email ?? "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const field = (name: keyof typeof values) => ({
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
    const result = validate(newPerson, { ...values, locale: currentLocale() });
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    accept.mutate(result.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errorCode(accept.error) === "email_taken" ? (
          <Alert color="yellow" variant="light" role="alert">
            {t("invite.emailTaken")}{" "}
            <Anchor component={Link} to={loginPath(`/invite/${token}`)}>
              {t("invite.signInFirst")}
            </Anchor>
          </Alert>
        ) : (
          <ErrorAlert error={accept.error} />
        )}
        <TextInput label={t("fields.yourName")} autoComplete="name" required autoFocus {...field("name")} />
        <TextInput
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          required
          readOnly={Boolean(preview.email)}
          description={preview.email ? t("invite.emailFixed") : undefined}
          {...field("email")}
        />
        <PasswordInput
          label={t("fields.password")}
          description={t("setup.passwordHint")}
          autoComplete="new-password"
          required
          {...field("password")}
        />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t("invite.createAndJoin")}
        </Button>
      </Stack>
    </form>
  );
};
