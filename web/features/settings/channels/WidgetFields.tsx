import { ColorInput, Input, SegmentedControl, Stack, Switch, TagsInput, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  isWidgetPosition,
  normalizeOrigin,
  type WidgetForm,
  type WidgetFormErrors,
  widgetGreetingMax,
  widgetOriginsMax,
  widgetSwatches,
} from "./widgetConfig";

interface Props {
  form: WidgetForm;
  errors: WidgetFormErrors;
  onChange: <K extends keyof WidgetForm>(key: K, value: WidgetForm[K]) => void;
  /** Focus the name when the form opens. */
  autoFocus?: boolean;
}

/** The settings of a web widget channel: shared by the create form and the settings modal. */
export const WidgetFields = ({ form, errors, onChange, autoFocus = false }: Props) => {
  const { t } = useTranslation();
  const originsError = errors.allowedOrigins
    ? t(errors.allowedOrigins, { origins: (errors.badOrigins ?? []).join(", "), max: widgetOriginsMax })
    : undefined;
  return (
    <Stack gap="md">
      <TextInput
        label={t("channels.name")}
        description={t("channels.widget.nameHint")}
        placeholder={t("channels.widget.namePlaceholder")}
        required
        data-autofocus={autoFocus || undefined}
        value={form.name}
        error={errors.name ? t(errors.name) : undefined}
        onChange={(event) => onChange("name", event.currentTarget.value)}
      />
      <ColorInput
        label={t("channels.widget.color")}
        description={t("channels.widget.colorHint")}
        format="hex"
        swatches={widgetSwatches}
        swatchesPerRow={10}
        withEyeDropper={false}
        value={form.color}
        error={errors.color ? t(errors.color) : undefined}
        onChange={(value) => onChange("color", value)}
        data-testid="widget-color"
      />
      <Textarea
        label={t("channels.widget.greeting")}
        description={t("channels.widget.greetingHint", { max: widgetGreetingMax })}
        placeholder={t("channels.widget.greetingPlaceholder")}
        autosize
        minRows={2}
        maxRows={5}
        maxLength={widgetGreetingMax}
        value={form.greeting}
        error={errors.greeting ? t(errors.greeting) : undefined}
        onChange={(event) => onChange("greeting", event.currentTarget.value)}
      />
      <Input.Wrapper label={t("channels.widget.position")} id="widget-position" labelElement="div">
        <SegmentedControl
          mt={4}
          fullWidth
          value={form.position}
          onChange={(value) => {
            if (isWidgetPosition(value)) onChange("position", value);
          }}
          aria-label={t("channels.widget.position")}
          data={[
            { value: "right", label: t("channels.widget.positionRight") },
            { value: "left", label: t("channels.widget.positionLeft") },
          ]}
        />
      </Input.Wrapper>
      <TagsInput
        label={t("channels.widget.origins")}
        description={t("channels.widget.originsHint")}
        placeholder={form.allowedOrigins.length === 0 ? "https://shop.example" : undefined}
        splitChars={[",", " "]}
        clearable
        acceptValueOnBlur
        value={form.allowedOrigins}
        error={originsError}
        onChange={(values) => onChange("allowedOrigins", [...new Set(values.map(normalizeOrigin).filter(Boolean))])}
        clearButtonProps={{ "aria-label": t("channels.widget.originsClear") }}
        data-testid="widget-origins"
      />
      <Switch
        label={t("channels.widget.identityRequired")}
        description={t("channels.widget.identityRequiredHint")}
        checked={form.identityRequired}
        onChange={(event) => onChange("identityRequired", event.currentTarget.checked)}
      />
    </Stack>
  );
};
