import { Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

export const formatRelative = (iso: string, locale: string, now = Date.now()): string => {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "minute");
};

export const formatExact = (iso: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

/** "5 min ago", with the exact date and time on hover. */
export const RelativeTime = ({ iso }: { iso: string }) => {
  const { i18n } = useTranslation();
  const exact = formatExact(iso, i18n.language);
  return (
    <Tooltip label={exact} withArrow openDelay={300}>
      <Text component="time" dateTime={iso} size="sm" c="dimmed">
        {formatRelative(iso, i18n.language)}
      </Text>
    </Tooltip>
  );
};
