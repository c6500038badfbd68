import { expect, test } from "@playwright/test";
import { signInAsOwner } from "./helpers";

test("invitations: a new person registers through a link and lands in the workspace as a manager", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAsOwner(page);
  const workspaceName = ((await page.getByRole("button", { name: /^Workspace: / }).textContent()) ?? "").trim();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Invitations" }).click();
  await page.getByRole("button", { name: "Invite someone" }).click();

  const dialog = page.getByRole("dialog", { name: "Invite someone" });
  await expect(dialog.getByRole("combobox", { name: "Role" })).toHaveValue("Manager");
  await dialog.getByRole("button", { name: "Create invitation link" }).click();
  const link = dialog.getByRole("textbox", { name: "Invitation link" });
  await expect(link).toHaveValue(/\/invite\//);
  await expect(dialog.getByText("It will not be shown again")).toBeVisible();
  const url = await link.inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("Anyone with the link")).toBeVisible();

  const guestContext = await browser.newContext({ baseURL, locale: "en-US" });
  const guest = await guestContext.newPage();
  await guest.goto(url);
  await expect(guest.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await expect(guest.getByText("You are invited as Manager.")).toBeVisible();

  await guest.getByRole("textbox", { name: /^Your name/ }).fill("Nina New");
  await guest.getByRole("textbox", { name: /^E-mail/ }).fill(`nina.${Date.now()}@example.com`);
  await guest.getByLabel(/^Password/).fill("nina-password-1");
  await guest.getByRole("button", { name: "Create account and join" }).click();

  await expect(guest).toHaveURL(/\/w\/[0-9a-f-]+$/);
  await expect(guest.getByText("No conversations yet")).toBeVisible();
  await expect(guest.getByRole("button", { name: `Workspace: ${workspaceName}. Switch workspace` })).toBeVisible();
  await guest.getByRole("button", { name: /^Workspace: / }).click();
  await expect(guest.getByRole("menuitem", { name: new RegExp(workspaceName) })).toContainText("Manager");
  await guest.keyboard.press("Escape");

  // A manager sees no admin sections.
  await guest.getByRole("link", { name: "Settings" }).click();
  await expect(guest.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(guest.getByRole("link", { name: "Invitations" })).toHaveCount(0);
  await expect(guest.getByRole("link", { name: "API tokens" })).toHaveCount(0);

  // The link was used up.
  const again = await browser.newContext({ baseURL });
  const other = await again.newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await again.close();
  await guestContext.close();

  // The owner sees the new member in the list.
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("row", { name: /Nina New/ })).toBeVisible();
});
