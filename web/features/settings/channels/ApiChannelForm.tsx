import { Button, Code, Group, List, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelDto } from "../../../../common/inbox";
import { api } from "../../../api/client";
import { inboxKeys } from "../../../api/inbox";
import { workspacePath } from "../../../api/workspaces";
import { CopyField } from "../../../ui/CopyField";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { FormActions } from "../../../ui/FormActions";
import { ShownOnce } from "../../../ui/ShownOnce";
import { httpHref } from "../../../ui/url";

interface Props {
  workspaceId: string;
  onClose: () => void;
  /** Tells the modal the channel exists (the kind can no longer change). */
  onCreated: () => void;
}

const isHttpUrl = (value: string): boolean => httpHref(value) !== null;

const inboundExample = `{
  "eventId": "evt-1",
  "client": { "externalId": "42", "name": "Anna", "phone": "+7 912 000-11-22", "email": "anna@example.com" },
  "message": { "externalId": "m-1", "text": "Hello!" }
}`;

const Created = ({ channel, secret, onClose }: { channel: ChannelDto; secret?: string; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Stack>
      <CopyField label={t("channels.webhookUrl")} value={channel.webhookUrl} />
      {secret && <ShownOnce label={t("channels.secret")} value={secret} warning={t("channels.shownOnce")} />}
      <Text size="sm">{t("channels.howTo")}</Text>
      <List size="sm" spacing={4}>
        <List.Item>
          {t("channels.howToSign")} <Code>{"X-Parley-Signature: sha256=<hex HMAC-SHA256(raw body, secret)>"}</Code>
        </List.Item>
        <List.Item>{t("channels.howToBody")}</List.Item>
      </List>
      <Code block>{inboundExample}</Code>
      <Text size="sm" c="dimmed">
        {t("channels.howToOutbound")}
      </Text>
      <Group justify="flex-end">
        <Button onClick={onClose}>{t("common.done")}</Button>
      </Group>
    </Stack>
  );
};

/** Connects an API channel; the signing secret is shown once, with how to use it. */
export const ApiChannelForm = ({ workspaceId, onClose, onCreated }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [outboundUrl, setOutboundUrl] = useState("");
  const [errors, setErrors] = useState<{ name?: string; outboundUrl?: string }>({});
  const create = useMutation({
    mutationFn: (body: { name: string; outboundUrl: string }) =>
      api.post<{ channel: ChannelDto; secret?: string }>(`${workspacePath(workspaceId)}/channels`, {
        kind: "api",
        name: body.name,
        config: { outboundUrl: body.outboundUrl },
      }),
    onSuccess: () => {
      onCreated();
      return queryClient.invalidateQueries({ queryKey: inboxKeys.channels(workspaceId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: { name?: string; outboundUrl?: string } = {};
    if (!name.trim()) next.name = t("validation.required");
    else if (name.trim().length > 80) next.name = t("validation.tooLong");
    if (!isHttpUrl(outboundUrl.trim())) next.outboundUrl = t("channels.urlInvalid");
    setErrors(next);
    if (next.name || next.outboundUrl) return;
    create.mutate({ name: name.trim(), outboundUrl: outboundUrl.trim() });
  };
  if (create.data) return <Created channel={create.data.channel} secret={create.data.secret} onClose={onClose} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("channels.createText")}
        </Text>
        <TextInput
          label={t("channels.name")}
          description={t("channels.nameHint")}
          required
          data-autofocus
          value={name}
          error={errors.name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setErrors((old) => ({ ...old, name: undefined }));
          }}
        />
        <TextInput
          label={t("channels.outboundUrl")}
          description={t("channels.outboundUrlHint")}
          required
          type="url"
          placeholder="https://crm.example.com/parley"
          value={outboundUrl}
          error={errors.outboundUrl}
          onChange={(event) => {
            setOutboundUrl(event.currentTarget.value);
            setErrors((old) => ({ ...old, outboundUrl: undefined }));
          }}
        />
        <ErrorAlert error={create.error} />
        <FormActions onCancel={onClose} submitLabel={t("channels.createSubmit")} loading={create.isPending} />
      </Stack>
    </form>
  );
};
