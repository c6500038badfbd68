import fs from "node:fs";
import { expect, test } from "@playwright/test";

test("first run: the setup page creates the owner and the first workspace", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Parley" })).toBeVisible();

  fs.mkdirSync(".tmp/screenshots", { recursive: true });
  await page.screenshot({ path: ".tmp/screenshots/setup.png", fullPage: true });

  // Nothing filled in: the form says what is missing instead of sending.
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Fill this in").first()).toBeVisible();

  await page.getByRole("textbox", { name: /^Your name/ }).fill("Olga Owner");
  await page.getByRole("textbox", { name: /^E-mail/ }).fill("olga@example.com");
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("textbox", { name: /^Workspace name/ }).fill("Acme Support");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("The password needs at least 8 characters")).toBeVisible();

  await page.getByLabel(/^Password/).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create workspace" }).click();

  await expect(page).toHaveURL(/\/w\/[0-9a-f-]+$/);
  await expect(page.getByRole("button", { name: /Workspace: Acme Support/ })).toBeVisible();
  await expect(page.getByText("No conversations yet")).toBeVisible();

  // Setup is done: the page now sends people to sign in, and the owner can sign in again.
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("textbox", { name: /^E-mail/ }).fill("olga@example.com");
  await page.getByLabel(/^Password/).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /Workspace: Acme Support/ })).toBeVisible();
});
