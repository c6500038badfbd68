import { expect, test } from "@playwright/test";
import { addMembersViaInvitations, createWorkspace, signIn, signInAsOwner } from "./helpers";
import { createApiChannel, postInbound, sign, startOutbound, webhookClient } from "./inbox-helpers";

test("inbox: three panes, tabs with counts, search, a resizable list and a way to Settings", async ({ page }) => {
  await signInAsOwner(page);
  const list = page.getByRole("region", { name: "Conversations" });
  await expect(list).toBeVisible();
  await expect(page.getByRole("region", { name: "Conversation", exact: true })).toContainText("Choose a conversation");
  await expect(page.getByRole("complementary", { name: "Client card" })).toBeVisible();

  await expect(list.getByRole("tab", { name: /All/ })).toHaveAttribute("aria-selected", "true");
  await list.getByRole("tab", { name: /Unread/ }).click();
  await expect(list.getByRole("tab", { name: /Unread/ })).toHaveAttribute("aria-selected", "true");

  await list.getByRole("searchbox", { name: "Search conversations" }).fill("+7 (912) 000-11-22");
  await expect(list.getByText("Nothing found")).toBeVisible();
  await list.getByRole("searchbox", { name: "Search conversations" }).fill("");
  await expect(list.getByText("No conversations yet")).toBeVisible();

  // The list pane resizes from the keyboard.
  const before = (await list.boundingBox())?.width ?? 0;
  const handle = page.getByRole("separator", { name: "Resize the chat list" });
  await handle.focus();
  await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(async () => (await list.boundingBox())?.width ?? 0).toBeGreaterThan(before);
  const resized = (await list.boundingBox())?.width ?? 0;
  await handle.blur();

  // The width is kept on this device.
  await page.reload();
  await expect(list).toBeVisible();
  await expect.poll(async () => Math.round((await list.boundingBox())?.width ?? 0)).toBe(Math.round(resized));

  // On a tablet the client card steps aside and the conversation keeps its room.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole("complementary", { name: "Client card" })).toHaveCount(0);
  await expect(page.getByText("Choose a conversation")).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole("complementary", { name: "Client card" })).toBeVisible();

  await list.getByRole("link", { name: "Connect a channel" }).click();
  await expect(page).toHaveURL(/\/settings\/channels$/);
});

test("live inbox: a client writes, a manager answers with Ctrl+Enter, a colleague sees it, read empties Unread, offline catches up", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signInAsOwner(page);
  const ws = await createWorkspace(page, "Live Inbox");
  const [, colleague] = await addMembersViaInvitations(page, ws, ["Ada Admin", "Max Manager"]);
  if (!colleague) throw new Error("no colleague");
  const outbound = await startOutbound();
  const channel = await createApiChannel(page, ws, "Website", outbound.url);
  const hooks = await webhookClient(page);
  try {
    await page.goto(`/w/${ws}`);
    const list = page.getByRole("region", { name: "Conversations" });
    await expect(list.getByText("No conversations yet")).toBeVisible();

    const otherContext = await browser.newContext({ baseURL, locale: "en-US" });
    const other = await otherContext.newPage();
    await signIn(other, colleague.email, colleague.password);
    await other.goto(`/w/${ws}`);
    await expect(other.getByText("No conversations yet")).toBeVisible();

    // A client's message arrives in both open inboxes without a reload.
    await postInbound(hooks, channel, { externalId: "anna", name: "Anna Petrova", text: "Hello, I need help" });
    const row = list.getByRole("link", { name: /Anna Petrova, Website, 1 unread/ });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Hello, I need help");
    await expect(list.getByRole("tab", { name: /Unread/ })).toContainText("1");
    const otherList = other.getByRole("region", { name: "Conversations" });
    await otherList.getByRole("link", { name: /Anna Petrova/ }).click();
    await expect(other.getByRole("log", { name: "Messages" })).toContainText("Hello, I need help");

    // Opening the chat does not mark it read.
    await row.click();
    await expect(page).toHaveURL(new RegExp(`/w/${ws}/chats/[0-9a-f-]+$`));
    const conversation = page.getByRole("region", { name: "Conversation", exact: true });
    await expect(conversation.getByRole("log", { name: "Messages" })).toContainText("Hello, I need help");
    await expect(conversation.getByRole("button", { name: "Mark as read (1)" })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Client card" })).toContainText("Anna Petrova");

    // The manager answers with Ctrl+Enter; the company's system receives it, signed.
    const composer = conversation.getByRole("textbox", { name: "Message" });
    await composer.fill("Hi Anna, how can I help?");
    await composer.press("Control+Enter");
    await expect(composer).toHaveValue("");
    await expect.poll(() => outbound.received.length).toBe(1);
    const delivered = outbound.received[0];
    expect(delivered?.body.message.text).toBe("Hi Anna, how can I help?");
    expect(delivered?.signature).toBe(sign(channel.secret, delivered?.raw ?? ""));
    const answer = conversation.locator("[data-message-id]", { hasText: "Hi Anna, how can I help?" });
    await expect(answer.locator('[data-status="sent"]')).toBeVisible();
    await expect(answer).toContainText("Owner");
    // The colleague sees the answer live.
    await expect(other.getByRole("log", { name: "Messages" })).toContainText("Hi Anna, how can I help?");

    // Shift+Enter marks read: the Unread tab empties.
    await composer.press("Shift+Enter");
    await expect(conversation.getByRole("button", { name: "All read" })).toBeVisible();
    await list.getByRole("tab", { name: /Unread/ }).click();
    await expect(list.getByRole("tab", { name: /Unread/ })).toContainText("0");
    await expect(list.getByText("All caught up")).toBeVisible();
    await list.getByRole("tab", { name: /All/ }).click();

    // Offline, two messages arrive; back online, both appear without a reload.
    await page.context().setOffline(true);
    await postInbound(hooks, channel, { externalId: "anna", text: "Are you there?" });
    await postInbound(hooks, channel, { externalId: "anna", text: "Second while you were away" });
    await page.waitForTimeout(500);
    await page.context().setOffline(false);
    const log = conversation.getByRole("log", { name: "Messages" });
    await expect(log).toContainText("Are you there?");
    await expect(log).toContainText("Second while you were away");
    await expect(list.getByRole("link", { name: /Anna Petrova, Website, 2 unread/ })).toBeVisible();
    await expect(other.getByRole("log", { name: "Messages" })).toContainText("Second while you were away");
    await otherContext.close();
  } finally {
    await hooks.dispose();
    await outbound.close();
  }
});

test("inbox: search by any phone format, failed delivery with retry, HTML as text, replies with quotes", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAsOwner(page);
  const ws = await createWorkspace(page, "Inbox Details");
  const outbound = await startOutbound();
  const channel = await createApiChannel(page, ws, "CRM", outbound.url);
  const hooks = await webhookClient(page);
  try {
    const annaMessage = await postInbound(hooks, channel, {
      externalId: "anna",
      name: "Anna Petrova",
      phone: "79120001122",
      text: "Where is my order? https://shop.example.com/orders/7",
    });
    await postInbound(hooks, channel, {
      externalId: "boris",
      name: "Boris Ivanov",
      phone: "+44 20 7946 0000",
      text: "Hi",
    });
    await page.goto(`/w/${ws}`);
    const list = page.getByRole("region", { name: "Conversations" });
    await expect(list.getByRole("link", { name: /Boris Ivanov/ })).toBeVisible();

    await list.getByRole("searchbox", { name: "Search conversations" }).fill("+7 (912) 000-11-22");
    await expect(list.getByRole("link", { name: /Anna Petrova/ })).toBeVisible();
    await expect(list.getByRole("link", { name: /Boris Ivanov/ })).toHaveCount(0);
    await list.getByRole("link", { name: /Anna Petrova/ }).click();
    await list.getByRole("searchbox", { name: "Search conversations" }).fill("");
    await expect(list.getByRole("link", { name: /Boris Ivanov/ })).toBeVisible();

    const conversation = page.getByRole("region", { name: "Conversation", exact: true });
    const log = conversation.getByRole("log", { name: "Messages" });
    const link = log.getByRole("link", { name: "https://shop.example.com/orders/7" });
    await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
    await expect(link).toHaveAttribute("target", "_blank");

    // HTML from a client is text, never markup.
    await postInbound(hooks, channel, { externalId: "anna", text: "<img src=x onerror=alert(1)>" });
    await expect(log.getByText("<img src=x onerror=alert(1)>")).toBeVisible();
    await expect(log.locator('img[src="x"]')).toHaveCount(0);

    // Reply to the client's first message: the quote shows above the composer, then in the bubble.
    const first = log.locator("[data-message-id]", { hasText: "Where is my order?" }).first();
    await first.hover();
    await conversation.getByRole("button", { name: "Reply to Anna Petrova" }).first().click();
    await expect(conversation.getByRole("group", { name: "Replying to a message" })).toContainText(
      "Where is my order?",
    );
    const composer = conversation.getByRole("textbox", { name: "Message" });
    await composer.fill("It ships tomorrow");
    await composer.press("Control+Enter");
    const reply = log.locator("[data-message-id]", { hasText: "It ships tomorrow" });
    await expect(reply.getByRole("button", { name: /Quoted message by Anna Petrova/ })).toContainText(
      "Where is my order?",
    );
    await expect(conversation.getByRole("group", { name: "Replying to a message" })).toHaveCount(0);
    await expect.poll(() => outbound.received.at(-1)?.body.message.replyToExternalId).toBe(annaMessage);
    await expect(reply.locator('[data-status="sent"]')).toBeVisible();
    await reply.getByRole("button", { name: /Quoted message by Anna Petrova/ }).click();
    await expect(first).toBeInViewport();

    // The company's system refuses: the reason shows, and Retry sends it once it accepts again.
    outbound.answerWith(400);
    await composer.fill("This one bounces first");
    await conversation.getByRole("button", { name: /^Send/ }).click();
    const bounced = log.locator("[data-message-id]", { hasText: "This one bounces first" });
    await expect(bounced.getByRole("status")).toContainText("Not delivered");
    await expect(bounced.getByRole("status")).toContainText("400");
    outbound.answerWith(200);
    await bounced.getByRole("button", { name: "Retry" }).click();
    await expect(bounced.locator('[data-status="sent"]')).toBeVisible();
    await expect(bounced.getByRole("status")).toHaveCount(0);
    expect(dialogs).toEqual([]);
  } finally {
    await hooks.dispose();
    await outbound.close();
  }
});
