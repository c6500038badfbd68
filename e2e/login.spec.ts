import { expect, test } from "@playwright/test";
import { owner } from "./helpers";

test("login: a wrong password is refused with a clear message, the right one opens the inbox", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Parley" })).toBeVisible();

  await page.getByRole("textbox", { name: /^E-mail/ }).fill(owner.email);
  await page.getByLabel(/^Password/).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Wrong e-mail or password.");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel(/^Password/).fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]+$/);
  await expect(page.getByText("No conversations yet")).toBeVisible();
  await expect(page.getByText("Choose a conversation")).toBeVisible();

  // The session survives a reload; logging out ends it.
  await page.reload();
  await expect(page.getByText("Choose a conversation")).toBeVisible();
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visitor of a workspace page is sent to login and brought back", async ({ page }) => {
  await page.goto("/w/00000000-0000-4000-8000-000000000000/settings/profile");
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByRole("textbox", { name: /^E-mail/ }).fill(owner.email);
  await page.getByLabel(/^Password/).fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Workspace not found")).toBeVisible();
  await page.getByRole("link", { name: "Open my workspace" }).click();
  await expect(page.getByText("No conversations yet")).toBeVisible();
});
