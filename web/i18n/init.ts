import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Locale, locales } from "../../common/auth";
import en from "./en.json";
import ru from "./ru.json";

const storageKey = "parley.locale";

const isLocale = (value: string | null | undefined): value is Locale => locales.some((locale) => locale === value);

const detectLocale = (): Locale => {
  const stored = window.localStorage.getItem(storageKey);
  if (isLocale(stored)) return stored;
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLocale(browser) ? browser : "en";
};

export const currentLocale = (): Locale => (isLocale(i18next.resolvedLanguage) ? i18next.resolvedLanguage : "en");

/** Switches the interface language and remembers it on this device. */
export const applyLocale = async (locale: Locale): Promise<void> => {
  window.localStorage.setItem(storageKey, locale);
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
};

export const initI18n = (): void => {
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: detectLocale(),
    fallbackLng: "en",
    supportedLngs: [...locales],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
};
