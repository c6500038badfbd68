import { type APIRequestContext, expect, type Page, request as playwrightRequest } from "@playwright/test";

export const owner = { email: "owner@example.com", password: "correct-horse-battery" } as const;

/** A 16×16 blue PNG, small enough to build in the test. */
export const tinyPng = (): Buffer =>
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGNwSn5NEmIY1TCqYfhqAAD93ZAQnN6uCwAAAABJRU5ErkJggg==",
    "base64",
  );

/** Signs in through the login form, as a person would, and waits for the inbox. */
export const signIn = async (page: Page, email: string, password: string): Promise<void> => {
  await page.goto("/login");
  await page.getByRole("textbox", { name: /^E-mail/ }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]+/);
};

export const signInAsOwner = (page: Page) => signIn(page, owner.email, owner.password);

/** The workspace id in the current address. */
export const currentWorkspaceId = (page: Page): string => {
  const match = /\/w\/([0-9a-f-]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`Not on a workspace page: ${page.url()}`);
  return match[1];
};

/** The page's own origin, sent as `Origin` so cookie-authenticated writes pass the CSRF check. */
export const originOf = (page: Page): string => new URL(page.url()).origin;

/** Writes through the API with the page's session cookie (for preparing data, not for what is tested). */
export const apiAs = (page: Page) => {
  const headers = { Origin: originOf(page) };
  return {
    post: (path: string, data: unknown) => page.request.post(path, { data, headers }),
    get: (path: string) => page.request.get(path, { headers }),
  };
};

/** Creates people in a workspace through invitations; each accepts in a fresh, cookie-less API client. */
export const addMembersViaInvitations = async (
  page: Page,
  workspaceId: string,
  names: string[],
): Promise<{ name: string; email: string; password: string }[]> => {
  const people: { name: string; email: string; password: string }[] = [];
  const api = apiAs(page);
  const baseURL = originOf(page);
  for (const [index, name] of names.entries()) {
    const role = index % 5 === 0 ? "admin" : "manager";
    const created = await api.post(`/api/v1/workspaces/${workspaceId}/invitations`, { role });
    expect(created.status()).toBe(201);
    const { url } = (await created.json()) as { url: string };
    const token = url.split("/invite/")[1] ?? "";
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${index}.${Date.now()}@example.com`;
    const anonymous: APIRequestContext = await playwrightRequest.newContext({ baseURL });
    try {
      const accept = () =>
        anonymous.post(`/api/v1/invitations/${token}/accept`, {
          data: { name, email, password: "a-long-password" },
          headers: { Origin: baseURL },
        });
      let accepted = await accept();
      // Accepting is rate limited per address (it creates accounts): wait as told, then go on.
      for (let attempt = 0; accepted.status() === 429 && attempt < 3; attempt++) {
        const wait = Number(accepted.headers()["retry-after"] ?? "30");
        await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(wait, 1), 65) * 1000));
        accepted = await accept();
      }
      expect(accepted.ok(), await accepted.text()).toBeTruthy();
      people.push({ name, email, password: "a-long-password" });
    } finally {
      await anonymous.dispose();
    }
  }
  return people;
};

/** Creates a workspace through the switcher and waits until it is open. */
export const createWorkspace = async (page: Page, name: string): Promise<string> => {
  await page.getByRole("button", { name: /^Workspace: / }).click();
  await page.getByRole("menuitem", { name: "Create workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create a workspace" });
  await dialog.getByRole("textbox", { name: /^Workspace name/ }).fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("button", { name: `Workspace: ${name}. Switch workspace` })).toBeVisible();
  return currentWorkspaceId(page);
};
