import { expect, test } from "@playwright/test";
import { signInAsOwner } from "./helpers";

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

  await list.getByRole("button", { name: "Open Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/workspace$/);
});
