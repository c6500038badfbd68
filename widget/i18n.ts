/** The widget's own strings (English and Russian), plurals and date formatting. No library. */

export type Lang = "en" | "ru";
export type PluralForm = "one" | "few" | "many";

/** The language from the tag's `data-lang`, else the browser's; English unless it is Russian. */
export function pickLang(dataLang: string | null | undefined, navigatorLang: string | null | undefined): Lang {
  const wanted = (dataLang || navigatorLang || "").trim().toLowerCase();
  return wanted.startsWith("ru") ? "ru" : "en";
}

/** English: one / many ("other"); Russian: 1, 21 → one; 2–4, 22–24 → few; 0, 5–20, 25… → many. */
export function pluralForm(lang: Lang, n: number): PluralForm {
  const abs = Math.abs(Math.trunc(n));
  if (lang === "en") return abs === 1 ? "one" : "many";
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return "one";
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return "few";
  return "many";
}

const plural = (lang: Lang, n: number, forms: Record<PluralForm, string>): string =>
  forms[pluralForm(lang, n)].replace("{n}", String(n));

const en = {
  chat: "Chat",
  openChat: "Open chat",
  closeChat: "Close chat",
  messages: "Messages",
  message: "Message",
  placeholder: "Write a message…",
  send: "Send",
  attach: "Attach a file",
  sending: "Sending…",
  notSent: "Not sent — tap to retry",
  remove: "Remove",
  deleted: "Message deleted",
  edited: "edited",
  empty: "Ask us anything — we will reply right here.",
  loading: "Loading…",
  loadingOlder: "Loading earlier messages…",
  tryAgain: "Try again",
  tooLarge: "The file is too large",
  attachment: "Attachment",
  location: "Location",
  today: "Today",
  yesterday: "Yesterday",
  openImage: "Open the image",
  originNotAllowed: "This chat is not available on this site.",
  identityRequired: "Please sign in on this site to chat with us.",
  invalidSignature: "The chat could not confirm who you are. Please reload the page.",
  rateLimited: "Too many requests. Please try again in a minute.",
  network: "Cannot connect. Check your internet connection.",
  unavailable: "The chat is not available right now.",
  failed: "Something went wrong.",
  fileUnavailable: "The file is not available",
};

export type Strings = typeof en;

const ru: Strings = {
  chat: "Чат",
  openChat: "Открыть чат",
  closeChat: "Закрыть чат",
  messages: "Сообщения",
  message: "Сообщение",
  placeholder: "Напишите сообщение…",
  send: "Отправить",
  attach: "Прикрепить файл",
  sending: "Отправляется…",
  notSent: "Не отправлено — нажмите, чтобы повторить",
  remove: "Убрать",
  deleted: "Сообщение удалено",
  edited: "изменено",
  empty: "Задайте вопрос — мы ответим прямо здесь.",
  loading: "Загрузка…",
  loadingOlder: "Загружаем предыдущие сообщения…",
  tryAgain: "Повторить",
  tooLarge: "Файл слишком большой",
  attachment: "Вложение",
  location: "Местоположение",
  today: "Сегодня",
  yesterday: "Вчера",
  openImage: "Открыть изображение",
  originNotAllowed: "Этот чат недоступен на этом сайте.",
  identityRequired: "Войдите на сайте, чтобы написать нам.",
  invalidSignature: "Чат не смог подтвердить, кто вы. Перезагрузите страницу.",
  rateLimited: "Слишком много запросов. Попробуйте через минуту.",
  network: "Нет связи. Проверьте подключение к интернету.",
  unavailable: "Чат сейчас недоступен.",
  failed: "Что-то пошло не так.",
  fileUnavailable: "Файл недоступен",
};

export const strings: Record<Lang, Strings> = { en, ru };

/** "Anna is typing…" */
export const typingText = (lang: Lang, name: string): string =>
  lang === "ru" ? `${name} печатает…` : `${name} is typing…`;

/** The unread badge's accessible label. */
export const unreadLabel = (lang: Lang, n: number): string =>
  lang === "ru"
    ? plural(lang, n, {
        one: "{n} непрочитанное сообщение",
        few: "{n} непрочитанных сообщения",
        many: "{n} непрочитанных сообщений",
      })
    : plural(lang, n, { one: "{n} unread message", few: "{n} unread messages", many: "{n} unread messages" });

/** "Uploading… 45%" */
export const uploadingText = (lang: Lang, fraction: number): string => {
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return lang === "ru" ? `Загрузка… ${percent}%` : `Uploading… ${percent}%`;
};

const units: Record<Lang, string[]> = { en: ["B", "KB", "MB", "GB"], ru: ["Б", "КБ", "МБ", "ГБ"] };

/** "512 B", "1.5 KB", "20 MB" (binary multiples; a comma decimal separator in Russian). */
export function formatSize(lang: Lang, bytes: number): string {
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let index = 0;
  while (value >= 1024 && index < 3) {
    value /= 1024;
    index += 1;
  }
  const rounded = index === 0 || value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
  const number = lang === "ru" ? rounded.replace(".", ",") : rounded;
  return `${number} ${units[lang][index]}`;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "09:05" in the visitor's local time. */
export const formatTime = (date: Date): string => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** The full date and time for a hover title. */
export function formatFullDate(lang: Lang, date: Date): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" }).format(date);
  } catch {
    return date.toString();
  }
}

/** A local calendar day as "YYYY-MM-DD" (the key of a day divider). */
export const dayKey = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** "Today", "Yesterday", "12 March" or "12 March 2023" (another year). */
export function dayLabel(lang: Lang, date: Date, now: Date): string {
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (dayKey(date) === dayKey(now)) return strings[lang].today;
  if (dayKey(date) === dayKey(yesterday)) return strings[lang].yesterday;
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "long" };
  if (date.getFullYear() !== now.getFullYear()) options.year = "numeric";
  try {
    return new Intl.DateTimeFormat(lang, options).format(date);
  } catch {
    return dayKey(date);
  }
}

/** Up to two initials of a name ("Anna Smith" → "AS"), "?" for an empty one. */
export function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? "")
    .join("");
  return letters.toUpperCase() || "?";
}
