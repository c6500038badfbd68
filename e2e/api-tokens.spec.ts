import { expect, test } from "@playwright/test";
import { signInAsOwner } from "./helpers";

test("API tokens: a new token's secret works as a Bearer token until it is revoked", async ({ page, request }) => {
  await signInAsOwner(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByText("Authorization: Bearer <secret>")).toBeVisible();

  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API token" });
  await dialog.getByRole("textbox", { name: /^Name/ }).fill("CRM sync");
  await dialog.getByRole("button", { name: "Create token" }).click();
  const secretField = dialog.getByRole("textbox", { name: "Secret" });
  await expect(secretField).not.toHaveValue("");
  await expect(dialog.getByText("It will not be shown again")).toBeVisible();
  const secret = await secretField.inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: /CRM sync/ })).toBeVisible();

  const headers = { Authorization: `Bearer ${secret}` };
  const before = await request.get("/api/v1/me", { headers });
  expect(before.status()).toBe(200);
  expect(((await before.json()) as { user: { email: string } }).user.email).toBe("owner@example.com");

  await page.getByRole("button", { name: "Revoke token CRM sync" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke this token?" });
  await expect(confirm).toContainText("CRM sync");
  await confirm.getByRole("button", { name: "Revoke" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("row", { name: /CRM sync/ })).toHaveCount(0);

  const after = await request.get("/api/v1/me", { headers });
  expect(after.status()).toBe(401);
});
