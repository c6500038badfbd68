import { expect, test } from "@playwright/test";
import { createWorkspace, signInAsOwner } from "./helpers";
import { createApiChannel, postInbound, startOutbound, webhookClient } from "./inbox-helpers";

test("timeline: older pages load at the top in place, a pill announces news while scrolled up, Ctrl+Shift+↓/↑ switch chats", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsOwner(page);
  const ws = await createWorkspace(page, "Long History");
  const outbound = await startOutbound();
  const channel = await createApiChannel(page, ws, "Support", outbound.url);
  const hooks = await webhookClient(page);
  try {
    await postInbound(hooks, channel, { externalId: "quiet", name: "Quiet Client", text: "Just one message" });
    for (let index = 1; index <= 120; index++) {
      await postInbound(hooks, channel, {
        externalId: "talkative",
        name: "Talkative Client",
        text: `Message ${index}`,
      });
    }
    await page.goto(`/w/${ws}`);
    const list = page.getByRole("region", { name: "Conversations" });
    await list.getByRole("link", { name: /Talkative Client/ }).click();
    const log = page.getByRole("log", { name: "Messages" });
    const bubble = (text: string) =>
      log.locator("[data-message-id]").filter({ has: page.getByText(text, { exact: true }) });
    await expect(bubble("Message 120")).toBeInViewport();
    await expect(log.getByText("Beginning of the conversation")).toHaveCount(0);

    // Scrolled to the top, the previous page comes in above and what was on top stays in view.
    await log.evaluate((element) => {
      element.scrollTop = 0;
    });
    await expect(bubble("Message 70")).toBeAttached();
    await expect(bubble("Message 71")).toBeInViewport();
    await log.evaluate((element) => {
      element.scrollTop = 0;
    });
    await expect(bubble("Message 20")).toBeAttached();
    await log.evaluate((element) => {
      element.scrollTop = 0;
    });
    await expect(log.getByText("Beginning of the conversation")).toBeVisible();
    await expect(bubble("Message 1")).toBeInViewport();

    // Scrolled up, a new message does not move the view: a pill says so and brings it into view.
    await postInbound(hooks, channel, { externalId: "talkative", text: "Fresh news" });
    const pill = page.getByRole("button", { name: "1 new message" });
    await expect(pill).toBeVisible();
    await expect(bubble("Message 1")).toBeInViewport();
    await pill.click();
    await expect(log.locator("[data-message-id]", { hasText: "Fresh news" })).toBeInViewport();
    await expect(pill).toBeHidden();

    // Ctrl+Shift+↓ / ↑ move through the list.
    const talkative = page.url();
    await page.keyboard.press("Control+Shift+ArrowDown");
    await expect(page.getByRole("region", { name: "Conversation", exact: true })).toContainText("Quiet Client");
    await expect(list.getByRole("link", { name: /Quiet Client/ })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Control+Shift+ArrowUp");
    await expect(page).toHaveURL(talkative);
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Previous / next chat");
  } finally {
    await hooks.dispose();
    await outbound.close();
  }
});
