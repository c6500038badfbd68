import { expect, test } from "@playwright/test";
import { addMembersViaInvitations, createWorkspace, currentWorkspaceId, signInAsOwner } from "./helpers";

test("invitations: someone who already has an account is told to sign in first, then joins with one click", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInAsOwner(page);
  const [person] = await addMembersViaInvitations(page, currentWorkspaceId(page), ["Erik Existing"]);
  if (!person) throw new Error("no person created");

  await createWorkspace(page, "Night Shift");
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Invitations" }).click();
  await page.getByRole("button", { name: "Invite someone" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite someone" });
  await dialog.getByRole("button", { name: "Create invitation link" }).click();
  const url = await dialog.getByRole("textbox", { name: "Invitation link" }).inputValue();

  const context = await browser.newContext({ baseURL, locale: "en-US" });
  const guest = await context.newPage();
  await guest.goto(url);
  await guest.getByRole("textbox", { name: /^Your name/ }).fill(person.name);
  await guest.getByRole("textbox", { name: /^E-mail/ }).fill(person.email);
  await guest.getByLabel(/^Password/).fill("some-other-password");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByRole("alert")).toContainText("already exists");

  await guest.getByRole("alert").getByRole("link", { name: "Sign in first" }).click();
  await expect(guest).toHaveURL(/\/login\?next=%2Finvite%2F/);
  await guest.getByRole("textbox", { name: /^E-mail/ }).fill(person.email);
  await guest.getByLabel(/^Password/).fill(person.password);
  await guest.getByRole("button", { name: "Sign in" }).click();

  await expect(guest.getByRole("heading", { name: "Join Night Shift" })).toBeVisible();
  await expect(guest.getByText(`Signed in as ${person.name}`)).toBeVisible();
  await guest.getByRole("button", { name: "Join Night Shift" }).click();
  await expect(guest.getByRole("button", { name: "Workspace: Night Shift. Switch workspace" })).toBeVisible();
  await context.close();
});
