import { expect, test } from "@playwright/test";
import { signInAsOwner } from "./helpers";

test("workspaces: create a second workspace and switch between the two", async ({ page }) => {
  await signInAsOwner(page);
  const switcher = page.getByRole("button", { name: /^Workspace: / });
  const firstName = (await switcher.textContent())?.trim() ?? "";
  const firstUrl = page.url();

  await switcher.click();
  await page.getByRole("menuitem", { name: "Create workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a workspace" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText("Fill this in")).toBeVisible();
  await dialog.getByRole("textbox", { name: /^Workspace name/ }).fill("Second Shop");
  await dialog.getByRole("button", { name: "Create" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Workspace: Second Shop. Switch workspace" })).toBeVisible();
  await expect(page).not.toHaveURL(firstUrl);
  await expect(page.getByText("No conversations yet")).toBeVisible();

  await page.getByRole("button", { name: /^Workspace: / }).click();
  await expect(page.getByRole("menuitem", { name: /Second Shop/ })).toBeVisible();
  await page.getByRole("menuitem", { name: new RegExp(firstName) }).click();
  await expect(page).toHaveURL(firstUrl);
  await expect(page.getByRole("button", { name: `Workspace: ${firstName}. Switch workspace` })).toBeVisible();

  await page.getByRole("button", { name: /^Workspace: / }).click();
  await page.getByRole("menuitem", { name: /Second Shop/ }).click();
  await expect(page.getByRole("button", { name: "Workspace: Second Shop. Switch workspace" })).toBeVisible();

  // The owner of the new workspace can rename it.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Workspace" }).click();
  await page.getByRole("textbox", { name: /^Workspace name/ }).fill("Second Shop Ltd");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("button", { name: "Workspace: Second Shop Ltd. Switch workspace" })).toBeVisible();
});
