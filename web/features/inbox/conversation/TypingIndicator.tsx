import { Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useTypingNames } from "../realtime/live";
import classes from "./Typing.module.css";

/** "Anna is typing…", "Anna and Boris are typing…", or "Several people are typing…". */
export const typingText = (t: TFunction, names: readonly string[]): string | null => {
  const [first, second] = names;
  if (first === undefined) return null;
  if (second === undefined) return t("typing.one", { name: first });
  if (names.length === 2) return t("typing.two", { first, second });
  return t("typing.many");
};

/** Three dots that bounce while someone types (still for people who prefer less motion). */
export const TypingDots = () => (
  <span className={classes.dots} aria-hidden="true">
    <span className={classes.dot} />
    <span className={classes.dot} />
    <span className={classes.dot} />
  </span>
);

/** Who types in the open chat, just above the composer; announced politely to screen readers. */
export const TypingIndicator = ({ chatId }: { chatId: string }) => {
  const { t } = useTranslation();
  const text = typingText(t, useTypingNames(chatId));
  return (
    <div className={classes.anchor} aria-live="polite">
      {text && (
        <div className={classes.typing} data-testid="typing-indicator">
          <TypingDots />
          <Text size="xs" c="dimmed" truncate="end">
            {text}
          </Text>
        </div>
      )}
    </div>
  );
};
