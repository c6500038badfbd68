import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { createWorkspace, signInAsOwner } from "./helpers";

const dir = ".tmp/screenshots";
const shot = (page: Page, name: string) => page.screenshot({ path: `${dir}/${name}.png` });

test.beforeAll(() => {
  fs.mkdirSync(dir, { recursive: true });
});

/** Switches the interface language from the top bar (the choice is saved in the profile). */
const switchLanguage = async (page: Page, from: string, to: string) => {
  await page.getByRole("button", { name: from, exact: true }).click();
  await page.getByRole("menuitem", { name: to }).click();
  await expect(page.getByRole("menu")).toBeHidden();
};

test("widget settings: an admin adds a web widget, gets its script tag and sandbox, and changes its colour", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signInAsOwner(page);
  const ws = await createWorkspace(page, "Widget Lab");
  // An empty inbox offers the demo next to connecting a channel.
  const list = page.getByRole("region", { name: "Conversations" });
  await expect(list.getByTestId("open-demo")).toBeVisible();
  await expect(list.getByRole("link", { name: "Connect a channel" })).toBeVisible();
  await shot(page, "widget-inbox-empty-en");

  await page.goto(`/w/${ws}/settings/channels`);
  await expect(page.getByText("No channels yet")).toBeVisible();
  await expect(page.getByTestId("open-demo")).toHaveText("Open the demo workspace");
  await shot(page, "widget-channels-empty-en");

  await page.getByRole("button", { name: "Add channel", exact: true }).click();
  await page.getByTestId("channel-kind").getByText("Web widget").click();
  const dialog = page.getByRole("dialog", { name: "Add a web widget" });
  await expect(dialog.getByText("Parley's own sandbox page is always allowed")).toBeVisible();
  await dialog.getByRole("textbox", { name: /^Name/ }).fill("Website chat");
  await dialog.getByRole("textbox", { name: /^Greeting/ }).fill("Hi! How can we help?");
  const origins = dialog.getByRole("combobox", { name: "Allowed sites" });
  await origins.fill("shop.example");
  await origins.press("Enter");
  await dialog.getByRole("switch", { name: /Require verified identity/ }).check();
  await dialog.getByRole("switch", { name: /Require verified identity/ }).uncheck();
  await shot(page, "widget-form-en");

  // A site without its scheme is refused before anything is sent.
  await dialog.getByRole("button", { name: "Add channel" }).click();
  await expect(dialog.getByText("Not a site address: shop.example.")).toBeVisible();
  await shot(page, "widget-form-error-en");
  await origins.press("Backspace");
  await origins.fill("https://shop.example/");
  await origins.press("Enter");
  await expect(dialog.getByText("Not a site address")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Add channel" }).click();

  // Created: the script tag to paste, the sandbox, and the identity secret with how to use it.
  const snippet = dialog.getByRole("textbox", { name: "Script tag" });
  await expect(snippet).toHaveValue(
    new RegExp(`^<script src="${baseURL}/widget\\.js" data-parley-channel="[0-9a-f-]{36}" async></script>$`),
  );
  const snippetValue = await snippet.inputValue();
  const channelId = /data-parley-channel="([0-9a-f-]+)"/.exec(snippetValue)?.[1] ?? "";
  await expect(dialog.getByRole("link", { name: "Open sandbox" })).toHaveAttribute("href", `/sandbox/${channelId}`);
  await expect(dialog.getByRole("link", { name: "Open sandbox" })).toHaveAttribute("target", "_blank");
  const secret = await dialog.getByRole("textbox", { name: "Identity secret" }).inputValue();
  expect(secret.length).toBeGreaterThan(16);
  await expect(dialog).toContainText("HMAC-SHA256");
  await expect(dialog).toContainText("window.parleySettings");
  await shot(page, "widget-created-en");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  // The card: the look, the allowed site, the script tag and the sandbox.
  const card = page.getByRole("listitem", { name: "Website chat" });
  await expect(card).toContainText("Web widget");
  await expect(card.getByTestId("widget-card-color")).toHaveAttribute("data-color", "#228be6");
  await expect(card.getByTestId("widget-card-origins")).toHaveText("https://shop.example");
  await expect(card.getByRole("textbox", { name: "Script tag" })).toHaveValue(snippetValue);
  await expect(card.getByRole("link", { name: "Open the sandbox of Website chat" })).toHaveAttribute(
    "href",
    `/sandbox/${channelId}`,
  );
  await expect(card).not.toContainText("Webhook URL");

  // The settings modal edits the same fields; the colour changes on the card.
  await card.getByRole("button", { name: "Widget settings of Website chat" }).click();
  const settings = page.getByRole("dialog", { name: "Widget settings of Website chat" });
  await expect(settings.getByRole("textbox", { name: /^Name/ })).toHaveValue("Website chat");
  await expect(settings.getByRole("textbox", { name: /^Greeting/ })).toHaveValue("Hi! How can we help?");
  await settings.getByRole("textbox", { name: /^Colour/ }).fill("#fa5252");
  await settings.getByRole("heading", { name: "Widget settings of Website chat" }).click();
  await shot(page, "widget-settings-en");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings).toBeHidden();
  await expect(card.getByTestId("widget-card-color")).toHaveAttribute("data-color", "#fa5252");
  await expect(card).toContainText("#fa5252");
  await shot(page, "widget-card-en");

  // The identity secret can be fetched again by an admin.
  await card.getByRole("button", { name: "Show the identity secret of Website chat" }).click();
  const reveal = page.getByRole("dialog", { name: "Identity secret of Website chat" });
  await expect(reveal.getByRole("textbox", { name: "Identity secret" })).toHaveValue(secret);
  await shot(page, "widget-secret-en");
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();

  // The same screens in Russian.
  await switchLanguage(page, "Language", "Русский");
  await expect(card).toContainText("Виджет для сайта");
  await shot(page, "widget-card-ru");
  await page.getByRole("button", { name: "Добавить канал", exact: true }).click();
  await page.getByTestId("channel-kind").getByText("Виджет для сайта").click();
  const dialogRu = page.getByRole("dialog", { name: "Новый виджет для сайта" });
  await dialogRu.getByRole("combobox", { name: "Разрешённые сайты" }).fill("shop.example");
  await dialogRu.getByRole("button", { name: "Добавить канал" }).click();
  await expect(dialogRu.getByText("Это не адрес сайта: shop.example.")).toBeVisible();
  await shot(page, "widget-form-ru");
  await dialogRu.getByRole("button", { name: "Отмена" }).click();
  await expect(dialogRu).toBeHidden();
  await switchLanguage(page, "Язык", "English");
  await expect(card).toContainText("Web widget");
});
