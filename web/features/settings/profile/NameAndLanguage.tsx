import { Button, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Locale, locales, type UserDto, updateMeRequest } from "../../../../common/auth";
import { applyLocale } from "../../../i18n/init";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { languageNames } from "../../../ui/LanguageMenu";
import { validate } from "../../../ui/validation";
import { useUpdateUser } from "./useUpdateUser";

export const NameAndLanguage = ({ user }: { user: UserDto }) => {
  const { t } = useTranslation();
  const [name, setName] = useState(user.name);
  const [error, setError] = useState<string | undefined>();
  const saveName = useUpdateUser();
  const saveLocale = useUpdateUser();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateMeRequest, { name });
    if (result.errors) {
      setError(result.errors.name);
      return;
    }
    saveName.mutate(result.data);
  };
  const changeLocale = (value: string | null) => {
    const locale = locales.find((item) => item === value);
    if (!locale) return;
    void applyLocale(locale);
    saveLocale.mutate({ locale });
  };
  return (
    <Stack gap="md">
      <Title order={2} size="h5">
        {t("profile.detailsTitle")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("fields.name")}
            autoComplete="name"
            value={name}
            error={error}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(undefined);
              saveName.reset();
            }}
          />
          <ErrorAlert error={saveName.error} />
          <Group gap="sm">
            <Button type="submit" loading={saveName.isPending} disabled={name.trim() === user.name}>
              {t("profile.saveName")}
            </Button>
            {saveName.isSuccess && (
              <Text size="sm" c="teal" role="status">
                {t("common.saved")}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      <Select
        label={t("language.label")}
        description={t("profile.languageHint")}
        data={locales.map((locale: Locale) => ({ value: locale, label: languageNames[locale] }))}
        value={user.locale}
        onChange={changeLocale}
        allowDeselect={false}
        maw={280}
      />
      <ErrorAlert error={saveLocale.error} />
    </Stack>
  );
};
