import { Button, FileButton, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserDto } from "../../../../common/auth";
import { api } from "../../../api/client";
import { useSessionCache } from "../../../api/session";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { UserAvatar } from "../../../ui/UserAvatar";

const acceptedTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"];
const maxBytes = 2 * 1024 * 1024;

export const AvatarSection = ({ user }: { user: UserDto }) => {
  const { t } = useTranslation();
  const { setUser } = useSessionCache();
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api.put<{ user: UserDto }>("/api/v1/me/avatar", form);
    },
    onSuccess: ({ user: updated }) => setUser(updated),
  });
  const remove = useMutation({
    mutationFn: () => api.delete<{ user: UserDto }>("/api/v1/me/avatar"),
    onSuccess: ({ user: updated }) => setUser(updated),
  });
  const choose = (file: File | null) => {
    setLocalError(null);
    upload.reset();
    remove.reset();
    if (!file) return;
    if (!acceptedTypes.includes(file.type)) return setLocalError(t("profile.avatarType"));
    if (file.size > maxBytes) return setLocalError(t("profile.avatarSize"));
    upload.mutate(file);
  };
  return (
    <Stack gap="md">
      <Title order={2} size="h5">
        {t("profile.avatarTitle")}
      </Title>
      <Group gap="lg" wrap="nowrap">
        <UserAvatar name={user.name} avatarUrl={user.avatarUrl} size={72} radius={72} data-testid="profile-avatar" />
        <Stack gap={6}>
          <Group gap="sm">
            <FileButton onChange={choose} accept={acceptedTypes.join(",")}>
              {(props) => (
                <Button {...props} variant="default" loading={upload.isPending}>
                  {user.avatarUrl ? t("profile.avatarChange") : t("profile.avatarUpload")}
                </Button>
              )}
            </FileButton>
            {user.avatarUrl && (
              <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t("profile.avatarRemove")}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t("profile.avatarHint")}
          </Text>
        </Stack>
      </Group>
      {localError && (
        <Text size="sm" c="red" role="alert">
          {localError}
        </Text>
      )}
      <ErrorAlert error={upload.error ?? remove.error} />
    </Stack>
  );
};
