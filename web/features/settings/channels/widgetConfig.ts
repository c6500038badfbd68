import { z } from "zod";
import type { ChannelDto, CreateChannelRequest } from "../../../../common/inbox";
import {
  type WidgetChannelConfig,
  type WidgetPosition,
  widgetOrigin,
  widgetPositions,
} from "../../../../common/widget";

export const defaultWidgetColor = "#228be6";
export const widgetGreetingMax = 500;
export const widgetOriginsMax = 50;
export const widgetNameMax = 80;

/** Colours offered next to the picker (Mantine's palette, sixth shade). */
export const widgetSwatches = [
  "#228be6",
  "#15aabf",
  "#12b886",
  "#40c057",
  "#fab005",
  "#fd7e14",
  "#fa5252",
  "#e64980",
  "#7950f2",
  "#495057",
];

/** What the widget form edits: the name and the whole config (the server is sent it whole). */
export interface WidgetForm extends WidgetChannelConfig {
  name: string;
}

export const emptyWidgetForm = (): WidgetForm => ({
  name: "",
  color: defaultWidgetColor,
  greeting: "",
  position: "right",
  allowedOrigins: [],
  identityRequired: false,
});

const hexColor = /^#[0-9a-fA-F]{6}$/;

const publicConfig = z.object({
  color: z.string().regex(hexColor).catch(defaultWidgetColor),
  greeting: z.string().catch(""),
  position: z.enum(widgetPositions).catch("right"),
  allowedOrigins: z.array(z.string()).catch([]),
  identityRequired: z.boolean().catch(false),
});

/** A widget channel's settings, or null for other kinds; missing or odd fields read as their defaults. */
export const widgetConfigOf = (channel: ChannelDto): WidgetChannelConfig | null => {
  if (channel.kind !== "widget") return null;
  return publicConfig.parse({
    color: channel.config.color,
    greeting: channel.config.greeting,
    position: channel.config.position,
    allowedOrigins: channel.config.allowedOrigins,
    identityRequired: channel.config.identityRequired,
  });
};

/** The form of an existing channel. */
export const widgetFormOf = (channel: ChannelDto): WidgetForm => ({
  ...emptyWidgetForm(),
  ...widgetConfigOf(channel),
  name: channel.name,
});

/**
 * A typed origin as Parley stores it: trimmed, lower case, without the trailing slash people copy from the
 * address bar. Anything else is left for the check to refuse.
 */
export const normalizeOrigin = (value: string): string => value.trim().replace(/\/+$/, "").toLowerCase();

/** The origins that do not look like `https://shop.example` (the same check as the server's). */
export const invalidOrigins = (origins: string[]): string[] =>
  origins.filter((origin) => !widgetOrigin.safeParse(origin).success);

/** Which field is wrong, as i18n keys; `badOrigins` names the refused origins for the message. */
export interface WidgetFormErrors {
  name?: string;
  color?: string;
  greeting?: string;
  allowedOrigins?: string;
  badOrigins?: string[];
}

export const hasWidgetErrors = (errors: WidgetFormErrors): boolean =>
  Boolean(errors.name || errors.color || errors.greeting || errors.allowedOrigins);

export const validateWidgetForm = (form: WidgetForm): WidgetFormErrors => {
  const errors: WidgetFormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = "validation.required";
  else if (name.length > widgetNameMax) errors.name = "validation.tooLong";
  if (!hexColor.test(form.color.trim())) errors.color = "channels.widget.colorInvalid";
  if (form.greeting.trim().length > widgetGreetingMax) errors.greeting = "validation.tooLong";
  const bad = invalidOrigins(form.allowedOrigins);
  if (bad.length > 0) {
    errors.allowedOrigins = "channels.widget.originInvalid";
    errors.badOrigins = bad;
  } else if (form.allowedOrigins.length > widgetOriginsMax) {
    errors.allowedOrigins = "channels.widget.originsTooMany";
  }
  return errors;
};

/** The channel's config as the server takes it (always whole: a change rewrites every field). */
export const widgetConfigBody = (form: WidgetForm): WidgetChannelConfig => ({
  color: form.color.trim().toLowerCase(),
  greeting: form.greeting.trim(),
  position: form.position,
  allowedOrigins: [...new Set(form.allowedOrigins.map(normalizeOrigin))],
  identityRequired: form.identityRequired,
});

export const widgetCreateRequest = (form: WidgetForm): CreateChannelRequest => ({
  kind: "widget",
  name: form.name.trim(),
  config: { ...widgetConfigBody(form) },
});

export const widgetUpdateRequest = (form: WidgetForm): { name: string; config: Record<string, unknown> } => ({
  name: form.name.trim(),
  config: { ...widgetConfigBody(form) },
});

export const isWidgetPosition = (value: string): value is WidgetPosition =>
  (widgetPositions as readonly string[]).includes(value);
