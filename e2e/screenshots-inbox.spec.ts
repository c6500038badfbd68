import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { apiAs, createWorkspace, signInAsOwner } from "./helpers";
import { createApiChannel, postInbound, startOutbound, webhookClient } from "./inbox-helpers";

const dir = ".tmp/screenshots";
const shot = (page: Page, name: string) => page.screenshot({ path: `${dir}/${name}.png` });

const first = [
  "Anna",
  "Boris",
  "Carla",
  "Dmitry",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Irina",
  "James",
  "Kasia",
  "Leonid",
];
const last = ["Petrova", "Ivanov", "Mendes", "Sokolov", "Smirnova", "Aliyev", "Hopper", "Tanaka", "Kuznetsova"];
const lines = [
  "Hi! Is the blue version back in stock?",
  "Can I pay by invoice?",
  "Thanks, got it 👍",
  "What are your opening hours on Saturday?",
  "The parcel arrived damaged, what should I do?",
  "Could you send me the contract once more?",
  "Здравствуйте! Хочу уточнить стоимость доставки в Казань.",
  "Ok",
  "Do you ship to Kazakhstan? And how long does it usually take to get to Almaty?",
];

test.beforeAll(() => {
  fs.mkdirSync(dir, { recursive: true });
});

test("screenshots of the live inbox: a long list, a conversation (en, ru, dark), unread, channels", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInAsOwner(page);
  const ws = await createWorkspace(page, "Northwind Support");
  const outbound = await startOutbound();
  const website = await createApiChannel(page, ws, "Website chat", outbound.url);
  const crm = await createApiChannel(page, ws, "CRM", outbound.url);
  const hooks = await webhookClient(page);
  const api = apiAs(page);
  const base = `/api/v1/workspaces/${ws}`;
  try {
    for (let index = 0; index < 60; index++) {
      const name = `${first[index % first.length]} ${last[(index + Math.floor(index / first.length) + 1) % last.length]}`;
      await postInbound(hooks, index % 3 === 0 ? crm : website, {
        externalId: `client-${index}`,
        name,
        phone: `+7 912 ${String(100 + index).padStart(3, "0")}-11-22`,
        email: `client${index}@example.com`,
        text: lines[index % lines.length] ?? "Hello",
      });
    }
    const anna = { externalId: "anna", name: "Anna Petrova", phone: "+7 (912) 000-11-22", email: "anna@example.com" };
    await postInbound(hooks, website, {
      ...anna,
      text: "Hi! I ordered a standing desk last week (order #4821). When will it arrive?",
    });
    const chats = (await (await api.get(`${base}/chats?q=anna%40example.com`)).json()) as { items: { id: string }[] };
    const chatId = chats.items[0]?.id ?? "";
    const send = async (text: string, replyToId?: string) => {
      const answer = await api.post(`${base}/chats/${chatId}/messages`, { text, ...(replyToId ? { replyToId } : {}) });
      return ((await answer.json()) as { message: { id: string } }).message.id;
    };
    await send("Hello Anna! Let me check that for you.");
    await send("It left our warehouse yesterday. Tracking: https://track.example.com/4821");
    await postInbound(hooks, website, { ...anna, text: "Great, thank you! Can I change the delivery address?" });
    const messages = async () =>
      (
        (await (await api.get(`${base}/chats/${chatId}/messages`)).json()) as {
          items: { id: string; text: string; status: string | null }[];
        }
      ).items;
    const question = (await messages()).find((m) => m.text.startsWith("Great, thank you"));
    await send("Yes, send me the new address and I will update it.", question?.id);
    await postInbound(hooks, website, { ...anna, text: "Lenina 12, apt 5, Kazan" });
    outbound.answerWith(400);
    await send("Done! The courier will call you an hour before.");
    await expect.poll(async () => (await messages()).some((m) => m.status === "failed")).toBe(true);
    outbound.answerWith(200);
    await postInbound(hooks, website, { ...anna, text: "<b>Thanks</b> 🙌 see you" });
    const all = (await (await api.get(`${base}/chats?limit=100`)).json()) as { items: { id: string }[] };
    for (const chat of all.items.slice(20, 45)) await api.post(`${base}/chats/${chat.id}/read`, {});

    await page.goto(`/w/${ws}/chats/${chatId}`);
    const log = page.getByRole("log", { name: "Messages" });
    await expect(log).toContainText("see you");
    await expect(log.getByRole("status")).toContainText("Not delivered");
    await page.mouse.move(0, 0);
    await shot(page, "inbox-conversation-en");

    await page.getByRole("button", { name: "Language" }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await expect(page.getByRole("tab", { name: /Непрочитанные/ })).toBeVisible();
    await expect(page.getByRole("menu")).toBeHidden();
    await shot(page, "inbox-conversation-ru");
    await page.getByRole("button", { name: "Язык" }).click();
    await page.getByRole("menuitem", { name: "English" }).click();
    await expect(page.getByRole("tab", { name: /Unread/ })).toBeVisible();

    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.getByRole("menu")).toBeHidden();
    await shot(page, "inbox-conversation-dark");
    await page.emulateMedia({ colorScheme: "light" });

    // The list pages on by itself as it is scrolled: the oldest of 61 chats (page size 50) shows up at the end.
    const list = page.getByRole("region", { name: "Conversations" });
    await expect(list.getByRole("link", { name: /^Anna Ivanov/ })).toHaveCount(0);
    await expect
      .poll(async () => {
        await list.getByRole("list").evaluate((element) => {
          if (element.parentElement) element.parentElement.scrollTop = element.parentElement.scrollHeight;
        });
        return list.getByRole("link", { name: /^Anna Ivanov/ }).count();
      })
      .toBe(1);
    await list.getByRole("tab", { name: /Unread/ }).click();
    await list.getByText("Waiting longest").click();
    await expect(list.getByRole("link").first()).toBeVisible();
    await shot(page, "inbox-unread-oldest");

    for (const chat of all.items) await api.post(`${base}/chats/${chat.id}/read`, {});
    await expect(list.getByText("All caught up")).toBeVisible();
    await expect(list.getByRole("tab", { name: /Unread/ })).toContainText("0");
    await shot(page, "inbox-unread-empty");

    await page.goto(`/w/${ws}/settings/channels`);
    await expect(page.getByRole("listitem", { name: "CRM" })).toBeVisible();
    await shot(page, "settings-channels");
  } finally {
    await hooks.dispose();
    await outbound.close();
  }
});
