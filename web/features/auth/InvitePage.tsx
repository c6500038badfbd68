import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { InvitationPreview } from "../../../common/workspaces";
import { useSession } from "../../api/session";
import { useInvitationPreview } from "../../api/workspaces";
import { loginPath } from "../../app/paths";
import { AuthLayout } from "../../ui/AuthLayout";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageLoader } from "../../ui/PageLoader";
import { formatExact } from "../../ui/time";
import { AcceptAsMember } from "./AcceptAsMember";
import { AcceptAsNewPerson } from "./AcceptAsNewPerson";

const Invalid = () => {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t("invite.invalidTitle")}>
      <Stack>
        <Text>{t("invite.invalidText")}</Text>
        <Anchor component={Link} to="/">
          {t("invite.goHome")}
        </Anchor>
      </Stack>
    </AuthLayout>
  );
};

const Subtitle = ({ preview }: { preview: InvitationPreview }) => {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t("invite.subtitle", { role: t(`roles.${preview.role}`) })}{" "}
      {t("invite.expires", { date: formatExact(preview.expiresAt, i18n.language) })}
    </>
  );
};

/** `/invite/:token`: someone opened an invitation link. */
export const InvitePage = () => {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const preview = useInvitationPreview(token);
  const session = useSession();
  if (preview.isPending || session.isPending) return <PageLoader />;
  if (preview.isError) {
    const status = "status" in preview.error ? preview.error.status : 0;
    if (status === 404 || status === 410) return <Invalid />;
    return (
      <AuthLayout title={t("invite.title")}>
        <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      </AuthLayout>
    );
  }
  const me = session.data?.me ?? null;
  return (
    <AuthLayout
      title={t("invite.join", { workspace: preview.data.workspaceName })}
      subtitle={<Subtitle preview={preview.data} />}
    >
      {me ? (
        <AcceptAsMember token={token} preview={preview.data} me={me} />
      ) : (
        <Stack>
          <AcceptAsNewPerson token={token} preview={preview.data} />
          <Text size="sm" c="dimmed" ta="center">
            {t("invite.haveAccount")}{" "}
            <Anchor component={Link} to={loginPath(`/invite/${token}`)}>
              {t("invite.signInFirst")}
            </Anchor>
          </Text>
        </Stack>
      )}
    </AuthLayout>
  );
};
