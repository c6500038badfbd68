import { expect, test } from "@playwright/test";
import { signInAsOwner, tinyPng } from "./helpers";

test("profile: change the name and upload a photo; both show at once and after a reload", async ({ page }) => {
  await signInAsOwner(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();

  const name = page.getByRole("textbox", { name: /^Name/ });
  await name.fill("Olivia Owner");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Account menu of Olivia Owner" })).toBeVisible();

  // A file that is not an image is refused before upload.
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByRole("alert")).toContainText("This file type is not supported");

  await fileInput.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: tinyPng() });
  const avatar = page.getByTestId("profile-avatar").locator("img");
  await expect(avatar).toBeVisible();
  await expect(avatar).toHaveJSProperty("complete", true);
  expect(await avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole("button", { name: "Change photo" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue("Olivia Owner");
  await expect(page.getByTestId("profile-avatar").locator("img")).toBeVisible();
  await expect(page.getByRole("button", { name: "Account menu of Olivia Owner" }).locator("img")).toBeVisible();

  // Removing the photo goes back to initials.
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("profile-avatar")).toHaveText("OO");
  await fileInput.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: tinyPng() });
  await expect(page.getByTestId("profile-avatar").locator("img")).toBeVisible();
});
