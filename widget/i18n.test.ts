import { describe, expect, it } from "vitest";
import {
  dayLabel,
  formatSize,
  formatTime,
  initials,
  pickLang,
  pluralForm,
  strings,
  typingText,
  unreadLabel,
  uploadingText,
} from "./i18n";

describe("pickLang", () => {
  it("prefers the tag's data-lang, then the browser's language", () => {
    expect(pickLang("ru", "en-US")).toBe("ru");
    expect(pickLang("en", "ru-RU")).toBe("en");
    expect(pickLang(null, "ru-RU")).toBe("ru");
    expect(pickLang(undefined, "RU")).toBe("ru");
    expect(pickLang("", "de-DE")).toBe("en");
    expect(pickLang(null, null)).toBe("en");
  });
});

describe("pluralForm", () => {
  it("follows Russian rules", () => {
    const cases: [number, string][] = [
      [0, "many"],
      [1, "one"],
      [2, "few"],
      [4, "few"],
      [5, "many"],
      [11, "many"],
      [12, "many"],
      [14, "many"],
      [21, "one"],
      [22, "few"],
      [25, "many"],
      [101, "one"],
      [111, "many"],
      [112, "many"],
      [1004, "few"],
    ];
    for (const [n, form] of cases) expect([n, pluralForm("ru", n)]).toEqual([n, form]);
  });

  it("has one and many in English", () => {
    expect(pluralForm("en", 1)).toBe("one");
    expect(pluralForm("en", 0)).toBe("many");
    expect(pluralForm("en", 2)).toBe("many");
    expect(pluralForm("en", 21)).toBe("many");
  });
});

describe("numbers in text", () => {
  it("labels unread counts with the right plural", () => {
    expect(unreadLabel("en", 1)).toBe("1 unread message");
    expect(unreadLabel("en", 3)).toBe("3 unread messages");
    expect(unreadLabel("ru", 1)).toBe("1 непрочитанное сообщение");
    expect(unreadLabel("ru", 3)).toBe("3 непрочитанных сообщения");
    expect(unreadLabel("ru", 5)).toBe("5 непрочитанных сообщений");
    expect(unreadLabel("ru", 21)).toBe("21 непрочитанное сообщение");
  });

  it("shows upload progress in whole percent, clamped", () => {
    expect(uploadingText("en", 0.456)).toBe("Uploading… 46%");
    expect(uploadingText("ru", 1.2)).toBe("Загрузка… 100%");
    expect(uploadingText("en", -1)).toBe("Uploading… 0%");
  });

  it("formats file sizes in binary units", () => {
    expect(formatSize("en", 0)).toBe("0 B");
    expect(formatSize("en", 512)).toBe("512 B");
    expect(formatSize("en", 1536)).toBe("1.5 KB");
    expect(formatSize("en", 20 * 1024 * 1024)).toBe("20 MB");
    expect(formatSize("ru", 1536)).toBe("1,5 КБ");
    expect(formatSize("ru", 3 * 1024 ** 3)).toBe("3 ГБ");
    expect(formatSize("en", Number.NaN)).toBe("0 B");
  });

  it("names who is typing", () => {
    expect(typingText("en", "Anna")).toBe("Anna is typing…");
    expect(typingText("ru", "Анна")).toBe("Анна печатает…");
  });
});

describe("dates", () => {
  it("formats the time as HH:MM in local time", () => {
    expect(formatTime(new Date(2024, 0, 5, 9, 7))).toBe("09:07");
    expect(formatTime(new Date(2024, 0, 5, 23, 59))).toBe("23:59");
  });

  it("labels days relative to now", () => {
    const now = new Date(2024, 4, 10, 12, 0);
    expect(dayLabel("en", new Date(2024, 4, 10, 0, 1), now)).toBe("Today");
    expect(dayLabel("ru", new Date(2024, 4, 9, 23, 59), now)).toBe("Вчера");
    expect(dayLabel("en", new Date(2024, 2, 12, 10, 0), now)).toMatch(/12/);
    expect(dayLabel("en", new Date(2024, 2, 12, 10, 0), now)).not.toMatch(/2024/);
    expect(dayLabel("en", new Date(2023, 2, 12, 10, 0), now)).toMatch(/2023/);
  });

  it("knows yesterday across a month boundary", () => {
    expect(dayLabel("en", new Date(2024, 1, 29, 22, 0), new Date(2024, 2, 1, 8, 0))).toBe("Yesterday");
  });
});

describe("strings", () => {
  it("has every English string in Russian too", () => {
    expect(Object.keys(strings.ru).sort()).toEqual(Object.keys(strings.en).sort());
    for (const value of Object.values(strings.ru)) expect(value.length).toBeGreaterThan(0);
  });

  it("makes initials", () => {
    expect(initials("Anna Smith")).toBe("AS");
    expect(initials("  анна  ")).toBe("А");
    expect(initials("Mary Jane Watson")).toBe("MJ");
    expect(initials("")).toBe("?");
  });
});
