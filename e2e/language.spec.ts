import { expect, test } from "@playwright/test";
import { signInAsOwner } from "./helpers";

test("language: switching to Russian translates the app and is remembered; switching back works", async ({ page }) => {
  await signInAsOwner(page);
  await expect(page.getByText("No conversations yet")).toBeVisible();

  await page.getByRole("button", { name: "Language" }).click();
  const saved = page.waitForResponse(
    (response) => response.url().endsWith("/api/v1/me") && response.request().method() === "PATCH",
  );
  await page.getByRole("menuitem", { name: "Русский" }).click();
  expect((await saved).ok()).toBeTruthy();
  await expect(page.getByText("Диалогов пока нет")).toBeVisible();
  await expect(page.getByRole("link", { name: "Настройки" })).toBeVisible();
  await expect(page.getByText("Выберите диалог")).toBeVisible();

  // Saved in the profile: still Russian after a reload in a new session.
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.getByText("Диалогов пока нет")).toBeVisible();

  await page.getByRole("button", { name: "Язык" }).click();
  await page.getByRole("menuitem", { name: "English" }).click();
  await expect(page.getByText("No conversations yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
});
