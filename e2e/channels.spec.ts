import { expect, test } from "@playwright/test";
import { addMembersViaInvitations, createWorkspace, signIn, signInAsOwner } from "./helpers";

test("channels: an admin adds an API channel, sees the secret once and the webhook URL, pauses and removes it", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAsOwner(page);
  const ws = await createWorkspace(page, "Channels Lab");
  await page.goto(`/w/${ws}`);
  await page.getByRole("region", { name: "Conversations" }).getByRole("link", { name: "Connect a channel" }).click();
  await expect(page.getByRole("heading", { name: "Channels" })).toBeVisible();
  await expect(page.getByText("No channels yet")).toBeVisible();

  await page.getByRole("button", { name: "Add channel", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Add an API channel" });
  await dialog.getByRole("textbox", { name: /^Name/ }).fill("Website chat");
  await dialog.getByRole("textbox", { name: /^Outbound URL/ }).fill("ftp://nope");
  await dialog.getByRole("button", { name: "Add channel" }).click();
  await expect(dialog.getByText("Enter an http:// or https:// address")).toBeVisible();
  await dialog.getByRole("textbox", { name: /^Outbound URL/ }).fill("https://crm.example.com/parley");
  await dialog.getByRole("button", { name: "Add channel" }).click();

  const secret = dialog.getByRole("textbox", { name: "Signing secret" });
  await expect(secret).toHaveValue(/^whsec_/);
  await expect(dialog.getByText("It will not be shown again")).toBeVisible();
  const webhook = dialog.getByRole("textbox", { name: "Webhook URL" });
  await expect(webhook).toHaveValue(/\/webhooks\/api\/[0-9a-f-]+$/);
  await expect(dialog).toContainText("X-Parley-Signature: sha256=");
  const webhookUrl = await webhook.inputValue();
  const secretValue = await secret.inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();

  // The list shows the channel and where it receives; the secret is not shown again.
  const card = page.getByRole("listitem", { name: "Website chat" });
  await expect(card).toContainText(webhookUrl);
  await expect(card).toContainText("Active");
  await expect(card).toContainText("Never");
  await expect(page.getByText(/whsec_/)).toHaveCount(0);
  // An admin can fetch it again on purpose.
  await card.getByRole("button", { name: "Show the signing secret of Website chat" }).click();
  const reveal = page.getByRole("dialog", { name: "Signing secret of Website chat" });
  await expect(reveal.getByRole("textbox", { name: "Signing secret" })).toHaveValue(secretValue);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();

  await card.getByRole("button", { name: "Pause Website chat" }).click();
  await expect(card).toContainText("Paused");
  await card.getByRole("button", { name: "Resume Website chat" }).click();
  await expect(card).toContainText("Active");

  // A manager sees the channels but cannot change them.
  const [, manager] = await addMembersViaInvitations(page, ws, ["Adam Admin", "Mona Manager"]);
  if (!manager) throw new Error("no manager");
  const managerContext = await browser.newContext({ baseURL, locale: "en-US" });
  const managerPage = await managerContext.newPage();
  await signIn(managerPage, manager.email, manager.password);
  await managerPage.goto(`/w/${ws}/settings/channels`);
  await expect(managerPage.getByRole("listitem", { name: "Website chat" })).toContainText(webhookUrl);
  await expect(managerPage.getByRole("button", { name: "Add channel", exact: true })).toHaveCount(0);
  await expect(managerPage.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(managerPage.getByRole("button", { name: /signing secret/ })).toHaveCount(0);
  await managerContext.close();

  await card.getByRole("button", { name: "Remove Website chat" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove this channel?" });
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("No channels yet")).toBeVisible();
});
