import { expect, test } from "@playwright/test";
import { addMembersViaInvitations, createWorkspace, signInAsOwner } from "./helpers";

test("members: the last owner cannot step down; an admin changes a role and removes someone after confirming", async ({
  page,
}) => {
  await signInAsOwner(page);
  const workspaceId = await createWorkspace(page, "Members Lab");
  await addMembersViaInvitations(page, workspaceId, ["Mark Member", "Rita Remove"]);

  await page.goto(`/w/${workspaceId}/settings/members`);
  await expect(page.getByText("3 members")).toBeVisible();

  // The only owner tries to make themselves a manager: the server refuses and the page says why.
  const ownRow = page.getByRole("row", { name: /\(you\)/ });
  await ownRow.getByRole("combobox").click();
  await page.getByRole("option", { name: "Manager" }).click();
  await expect(page.getByRole("alert")).toContainText("A workspace needs at least one owner");
  await expect(ownRow.getByRole("combobox")).toHaveValue("Owner");

  await page.getByRole("combobox", { name: "Role of Mark Member" }).click();
  await page.getByRole("option", { name: "Manager" }).click();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Role of Mark Member" })).toHaveValue("Manager");

  await page.getByRole("searchbox", { name: "Filter members" }).fill("rita");
  await expect(page.getByRole("row", { name: /Mark Member/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Remove Rita Remove" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove this member?" });
  await expect(confirm).toContainText("Rita Remove");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("row", { name: /Rita Remove/ })).toBeVisible();

  await page.getByRole("button", { name: "Remove Rita Remove" }).click();
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("row", { name: /Rita Remove/ })).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Filter members" }).fill("");
  await expect(page.getByText("2 members")).toBeVisible();
});

test("an expired or missing session sends a signed-in person back to the login page", async ({ page, context }) => {
  await signInAsOwner(page);
  // Once the inbox has loaded: it would otherwise notice the missing session by itself, before any click.
  await expect(page.getByText("No conversations yet")).toBeVisible();
  await context.clearCookies();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByRole("heading", { name: "Sign in to Parley" })).toBeVisible();
});
