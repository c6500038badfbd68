import fs from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import ru from "./ru.json";

type Catalog = { [key: string]: string | Catalog };

const flatten = (catalog: Catalog, prefix = ""): Map<string, string> => {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === "string") result.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) result.set(inner, text);
  }
  return result;
};

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKeys = (catalog: Catalog) =>
  new Set([...flatten(catalog).keys()].map((key) => key.replace(pluralSuffix, "")));

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });

describe("translations", () => {
  it("has the same keys in English and Russian", () => {
    expect([...baseKeys(ru)].sort()).toEqual([...baseKeys(en)].sort());
  });

  it("gives every Russian plural its one, few and many forms", () => {
    const keys = [...flatten(ru).keys()];
    const plurals = new Set(keys.filter((key) => key.endsWith("_other")).map((key) => key.replace(pluralSuffix, "")));
    for (const base of plurals) {
      for (const form of ["one", "few", "many"]) expect(keys).toContain(`${base}_${form}`);
    }
  });

  it("knows every literal key the web app asks for", () => {
    const known = baseKeys(en);
    const webDir = path.resolve(import.meta.dirname, "..");
    const used = sourceFiles(webDir).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/\b(?:t|i18next\.t)\("([a-zA-Z][\w.-]*)"|i18nKey="([\w.-]+)"/g)].map(
        (match) => match[1] ?? match[2] ?? "",
      ),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !known.has(key))).toEqual([]);
  });

  it("chooses the right Russian plural form", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: "ru", resources: { ru: { translation: ru } }, interpolation: { escapeValue: false } });
    expect(i18n.t("members.count", { count: 1 })).toBe("1 участник");
    expect(i18n.t("members.count", { count: 3 })).toBe("3 участника");
    expect(i18n.t("members.count", { count: 5 })).toBe("5 участников");
    expect(i18n.t("members.count", { count: 21 })).toBe("21 участник");
    expect(i18n.t("members.count", { count: 26 })).toBe("26 участников");
    expect(i18n.t("apiTokens.count", { count: 2 })).toBe("2 токена");
    expect(i18n.t("errors.rate_limited_wait", { count: 5 })).toContain("5 минут.");
    expect(i18n.t("channels.count", { count: 2 })).toBe("2 канала");
    expect(i18n.t("channels.count", { count: 11 })).toBe("11 каналов");
    expect(i18n.t("inbox.newMessages", { count: 1 })).toBe("1 новое сообщение");
    expect(i18n.t("inbox.newMessages", { count: 3 })).toBe("3 новых сообщения");
    expect(i18n.t("inbox.newMessages", { count: 25 })).toBe("25 новых сообщений");
    expect(i18n.t("inbox.rowLabel", { count: 0, name: "Анна", channel: "Сайт" })).toBe("Анна, Сайт");
    expect(i18n.t("inbox.rowLabel", { count: 2, name: "Анна", channel: "Сайт" })).toBe("Анна, Сайт, 2 непрочитанных");
    expect(i18n.t("message.deleteWindowPassedEdit", { count: 48, messenger: "Telegram" })).toBe(
      "Telegram позволяет ботам удалять сообщения только в течение 48 часов; отредактировать его ещё можно.",
    );
    expect(i18n.t("message.deleteWindowPassed", { count: 1, messenger: "Telegram" })).toContain("1 часа.");
    expect(i18n.t("message.pressed", { label: "Yes" })).toBe("Нажал(а) «Yes»");
  });
});
