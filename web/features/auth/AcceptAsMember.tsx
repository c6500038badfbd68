import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeResponse } from "../../../common/auth";
import type { InvitationPreview } from "../../../common/workspaces";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { errorCode } from "../../ui/errors";
import { UserAvatar } from "../../ui/UserAvatar";
import { useAcceptInvitation } from "./acceptInvitation";

interface Props {
  token: string;
  preview: InvitationPreview;
  me: MeResponse;
}

/** A signed-in person joins with one click. */
export const AcceptAsMember = ({ token, preview, me }: Props) => {
  const { t } = useTranslation();
  const accept = useAcceptInvitation(token, preview);
  return (
    <Stack>
      <Group gap="sm" wrap="nowrap">
        <UserAvatar name={me.user.name} avatarUrl={me.user.avatarUrl} />
        <Text size="sm">{t("invite.signedInAs", { name: me.user.name, email: me.user.email })}</Text>
      </Group>
      {errorCode(accept.error) === "already_member" ? (
        <Alert color="blue" variant="light" role="status">
          {t("errors.already_member")}{" "}
          <Anchor component={Link} to="/">
            {t("workspace.goToMine")}
          </Anchor>
        </Alert>
      ) : (
        <ErrorAlert error={accept.error} />
      )}
      <Button loading={accept.isPending} onClick={() => accept.mutate({})} fullWidth>
        {t("invite.joinButton", { workspace: preview.workspaceName })}
      </Button>
    </Stack>
  );
};
