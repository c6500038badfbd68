import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { addMembersViaInvitations, apiAs, currentWorkspaceId, signInAsOwner } from "./helpers";

const dir = ".tmp/screenshots";
const shot = (page: Page, name: string) => page.screenshot({ path: `${dir}/${name}.png` });

const people = [
  "Anna Petrova",
  "Boris Ivanov",
  "Carla Mendes",
  "Dmitry Sokolov",
  "Elena Smirnova",
  "Farid Aliyev",
  "Grace Hopper",
  "Hiro Tanaka",
  "Irina Kuznetsova",
  "James O'Brien",
  "Katarzyna Nowak",
  "Leonid Volkov",
  "Maria Garcia",
  "Nikolai Popov",
  "Olga Fedorova",
  "Pavel Morozov",
  "Queenie Lam",
  "Ruslan Khabibullin",
  "Sofia Rossi",
  "Timur Bekov",
  "Ulyana Orlova",
  "Viktor Lebedev",
  "Wang Fang",
  "Xenia Zaitseva",
  "Yusuf Demir",
];

test.beforeAll(() => {
  fs.mkdirSync(dir, { recursive: true });
});

test("screenshots of the main screens, in English and Russian", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Parley" })).toBeVisible();
  await shot(page, "login");

  await signInAsOwner(page);
  await expect(page.getByText("No conversations yet")).toBeVisible();
  await shot(page, "inbox-empty-en");

  const workspaceId = currentWorkspaceId(page);
  await addMembersViaInvitations(page, workspaceId, people);
  await apiAs(page).post(`/api/v1/workspaces/${workspaceId}/invitations`, { role: "admin", email: "zoe@example.com" });
  await apiAs(page).post(`/api/v1/workspaces/${workspaceId}/api-tokens`, { name: "Website lead form" });
  await apiAs(page).post(`/api/v1/workspaces/${workspaceId}/api-tokens`, { name: "CRM sync" });

  await page.goto(`/w/${workspaceId}/settings/members`);
  await expect(page.getByRole("row", { name: /Yusuf Demir/ })).toBeVisible();
  await page.screenshot({ path: `${dir}/settings-members.png`, fullPage: true });
  await shot(page, "settings-members-viewport");

  await page.goto(`/w/${workspaceId}/settings/invitations`);
  await expect(page.getByText("zoe@example.com")).toBeVisible();
  await shot(page, "settings-invitations");

  await page.goto(`/w/${workspaceId}/settings/api-tokens`);
  await expect(page.getByRole("row", { name: /CRM sync/ })).toBeVisible();
  await shot(page, "settings-api-tokens");

  await page.goto(`/w/${workspaceId}/settings/profile`);
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await shot(page, "settings-profile");

  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("button", { name: "Language" }).click();
  await page.getByRole("menuitem", { name: "Русский" }).click();
  await expect(page.getByText("Диалогов пока нет")).toBeVisible();
  await expect(page.getByRole("menu")).toBeHidden();
  await shot(page, "inbox-empty-ru");

  await page.goto(`/w/${workspaceId}/settings/members`);
  await expect(page.getByText(/^\d+ участник(а|ов)?$/)).toBeVisible();
  await shot(page, "settings-members-ru");

  await page.getByRole("button", { name: "Язык" }).click();
  await page.getByRole("menuitem", { name: "English" }).click();
  await expect(page.getByText(/^\d+ members$/)).toBeVisible();

  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByText("No conversations yet")).toBeVisible();
  await shot(page, "inbox-empty-dark");
  await page.goto(`/w/${workspaceId}/settings/members`);
  await expect(page.getByRole("row", { name: /Yusuf Demir/ })).toBeVisible();
  await shot(page, "settings-members-dark");
  await page.emulateMedia({ colorScheme: "light" });

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByText("Choose a conversation")).toBeVisible();
  await shot(page, "inbox-tablet");

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByText("Choose a conversation")).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await shot(page, "inbox-1280-hotkeys");
});
