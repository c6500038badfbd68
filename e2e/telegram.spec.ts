import { expect, test } from "@playwright/test";
import { startBotApiDouble } from "../server/test/telegram/bot-api-double";
import { apiAs, createWorkspace, signInAsOwner, tinyPng } from "./helpers";

const shot = (name: string) => `.tmp/screenshots/${name}.png`;

test("telegram: connect a bot, a user writes, the manager replies, edits and deletes; the user's Telegram sees it all", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const telegram = await startBotApiDouble();
  try {
    await signInAsOwner(page);
    const ws = await createWorkspace(page, "Telegram Desk");

    // The admin connects the bot: the token is checked with getMe and names the channel.
    await page.goto(`/w/${ws}/settings/channels`);
    await page.getByRole("button", { name: "Add channel", exact: true }).click();
    await page.getByTestId("channel-kind").getByText("Telegram").click();
    const dialog = page.getByRole("dialog", { name: "Add a Telegram bot" });
    await dialog.getByRole("textbox", { name: "Bot token" }).fill("123456:not-a-real-token-at-all-xxxxxxxx");
    await dialog.getByText("Advanced").click();
    await dialog.getByRole("textbox", { name: /Bot API server/ }).fill(telegram.url);
    await dialog.getByRole("button", { name: "Connect bot" }).click();
    await expect(dialog.getByText("The bot was not connected")).toBeVisible();
    await dialog.getByRole("textbox", { name: "Bot token" }).fill(telegram.token);
    await dialog.getByRole("button", { name: "Connect bot" }).click();
    await expect(dialog.getByText(`@${telegram.bot.username} is connected.`)).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toHaveCount(0);
    const bot = page.getByTestId("telegram-bot");
    await expect(bot).toContainText(`@${telegram.bot.username}`);
    await expect(page.getByTestId("telegram-mode")).toHaveAttribute("data-mode", "polling");
    await page.screenshot({ path: shot("telegram-channel-en"), fullPage: true });

    // A Telegram user writes; the open inbox shows it without a reload (long polling).
    await page.goto(`/w/${ws}`);
    const list = page.getByRole("region", { name: "Conversations" });
    await expect(list.getByText("No conversations yet")).toBeVisible();
    const hello = telegram.userMessage({
      from: { id: 7_770_001, first_name: "Tanya", last_name: "Telegram", username: "tanya_tg" },
      text: "Hello from Telegram! Is the blue one in stock?",
    });
    const row = list.getByRole("link", { name: /Tanya Telegram/ });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await row.click();
    const log = page.getByRole("log", { name: "Messages" });
    const bubble = (text: string | RegExp) => log.locator("[data-message-id]").filter({ hasText: text });
    await expect(bubble("Is the blue one in stock?")).toBeVisible();

    // The manager replies to that message with Ctrl+Enter; the user receives a native reply.
    const conversation = page.getByRole("region", { name: "Conversation", exact: true });
    await bubble("Is the blue one in stock?").hover();
    await conversation.getByRole("button", { name: "Reply to Tanya Telegram" }).first().click();
    const composer = conversation.getByRole("textbox", { name: "Message" });
    await composer.fill("Yes, two left. Shall I reserve one?");
    await composer.press("Control+Enter");
    const sent = await telegram.waitFor(() => telegram.sent.find((s) => s.method === "sendMessage"), 15_000);
    expect(sent.chatId).toBe(hello.message.chat.id);
    expect(sent.params.text).toBe("Yes, two left. Shall I reserve one?");
    expect(JSON.stringify(sent.params.reply_parameters)).toContain(String(hello.message.message_id));
    const mine = bubble("Shall I reserve one?");
    await expect(mine.locator('[data-status="sent"]')).toBeVisible();

    // The manager edits it: Telegram gets editMessageText for the same message id.
    // The actions bar sits beside the bubble, in the bubble's line.
    await mine.hover();
    await mine.locator("xpath=..").getByTestId("message-actions").click();
    await page.getByRole("menuitem", { name: "Edit message" }).click();
    const edit = page.getByRole("dialog", { name: "Edit message" });
    await edit.getByRole("textbox", { name: "Message text" }).fill("Yes, one left. Shall I reserve it?");
    await edit.getByRole("button", { name: "Save" }).click();
    const edited = await telegram.waitFor(() => telegram.sent.find((s) => s.method === "editMessageText"), 15_000);
    expect(edited.params.message_id).toBe(sent.message?.message_id);
    expect(edited.params.text).toBe("Yes, one left. Shall I reserve it?");
    const editedBubble = bubble("Shall I reserve it?");
    await expect(editedBubble.getByTestId("message-edited")).toBeVisible();
    await page.screenshot({ path: shot("telegram-conversation-en"), fullPage: true });

    // And deletes it after confirming: Telegram gets deleteMessage; the inbox marks it deleted.
    await editedBubble.hover();
    await editedBubble.locator("xpath=..").getByTestId("message-actions").click();
    await page.getByRole("menuitem", { name: "Delete message" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this message for everyone?" });
    await confirm.getByRole("button", { name: "Delete" }).click();
    const deleted = await telegram.waitFor(() => telegram.sent.find((s) => s.method === "deleteMessage"), 15_000);
    expect(deleted.params.message_id).toBe(sent.message?.message_id);
    await expect(log.getByTestId("message-deleted")).toBeVisible();
    expect(telegram.message(hello.message.chat.id, sent.message?.message_id ?? 0)).toBeUndefined();

    // A photo from the user shows inline, fetched through getFile into Parley's storage.
    telegram.userMessage({
      from: { id: 7_770_001, first_name: "Tanya", last_name: "Telegram" },
      caption: "This one?",
      photo: { bytes: tinyPng(), mime: "image/png", name: "photo.png" },
    });
    await expect(bubble("This one?").getByTestId("message-image")).toBeVisible({ timeout: 15_000 });
  } finally {
    await telegram.close();
  }
});

test("telegram screenshots: every kind of message inline (en, ru), a blocked client, the bot form", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const telegram = await startBotApiDouble();
  try {
    await signInAsOwner(page);
    const ws = await createWorkspace(page, "Telegram Media");
    const created = await apiAs(page).post(`/api/v1/workspaces/${ws}/channels`, {
      kind: "telegram",
      config: { token: telegram.token, apiBaseUrl: telegram.url, mode: "polling" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const from = { id: 7_770_002, first_name: "Mikhail", last_name: "Orlov" };
    telegram.userMessage({ from, text: "/start spring_sale" });
    telegram.userMessage({
      from,
      caption: "The scratch is here",
      photo: { bytes: tinyPng(), mime: "image/png", name: "p.png" },
    });
    telegram.userMessage({ from, voice: { bytes: Buffer.from("OggS fake voice"), mime: "audio/ogg" } });
    telegram.userMessage({
      from,
      document: { bytes: Buffer.from("%PDF-1.4 invoice"), name: "invoice-2291.pdf", mime: "application/pdf" },
    });
    telegram.userMessage({ from, location: { latitude: 55.7558, longitude: 37.6173 } });
    telegram.userMessage({ from, contact: { phone_number: "+79120001122", first_name: "Mikhail", user_id: from.id } });
    await page.goto(`/w/${ws}`);
    const list = page.getByRole("region", { name: "Conversations" });
    await list.getByRole("link", { name: /Mikhail Orlov/ }).click();
    const log = page.getByRole("log", { name: "Messages" });
    await expect(log.getByTestId("message-contact")).toBeVisible({ timeout: 15_000 });
    await expect(log.getByTestId("message-image")).toBeVisible();
    await expect(log.getByTestId("message-location")).toBeVisible();
    await expect(log.getByText("invoice-2291.pdf")).toBeVisible();
    // Their shared contact gave the card a phone number.
    await expect(page.getByRole("complementary", { name: "Client card" })).toContainText("912");
    telegram.myChatMember(from.id, "kicked");
    await expect(page.getByTestId("client-status").first()).toHaveAttribute("data-status", "blocked");
    await page.mouse.move(0, 0);
    await page.screenshot({ path: shot("telegram-media-en") });
    await page.getByRole("button", { name: "Language" }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await expect(page.getByRole("tab", { name: /Непрочитанные/ })).toBeVisible();
    await expect(page.getByRole("menu")).toBeHidden();
    await page.screenshot({ path: shot("telegram-media-ru") });
    await page.goto(`/w/${ws}/settings/channels`);
    await page.getByRole("button", { name: "Добавить канал" }).click();
    await page.getByTestId("channel-kind").getByText("Telegram").click();
    await page.screenshot({ path: shot("telegram-form-ru") });
    await page.keyboard.press("Escape");
    await page
      .getByRole("button", { name: "Language" })
      .or(page.getByRole("button", { name: "Язык" }))
      .click();
    await page.getByRole("menuitem", { name: "English" }).click();
  } finally {
    await telegram.close();
  }
});
