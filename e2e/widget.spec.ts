import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { apiAs, createWorkspace, signInAsOwner } from "./helpers";

const dir = ".tmp/screenshots";

test.beforeAll(() => {
  fs.mkdirSync(dir, { recursive: true });
});

/** The widget lives in a shadow root; Playwright's locators pierce open shadow roots. */
const widgetOf = (page: Page) => ({
  launcher: page.getByTestId("parley-launcher"),
  window: page.getByTestId("parley-window"),
  messages: page.getByTestId("parley-messages"),
  input: page.getByTestId("parley-input"),
  send: page.getByTestId("parley-send"),
  typing: page.getByTestId("parley-typing"),
  error: page.getByTestId("parley-error"),
});

/** A visitor's browser: its own context (own local storage), opened on a page. */
async function visitorPage(browser: Browser, url: string, locale = "en-US"): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function write(page: Page, text: string) {
  const w = widgetOf(page);
  await w.input.fill(text);
  await w.input.press("Enter");
  await expect(w.messages.getByTestId("parley-message").filter({ hasText: text })).toBeVisible();
}

const lastBubble = (messages: Locator, text: string) =>
  messages.getByTestId("parley-message").filter({ hasText: text }).last();

test("the demo: a visitor in the sandbox and a manager in the inbox talk live, see each other typing, and a reload keeps the history", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signInAsOwner(page);
  await createWorkspace(page, "Empty company");
  // An empty workspace offers the demo; it opens a new workspace with conversations and a sandbox.
  await page.getByTestId("open-demo").first().click();
  await expect(page.getByRole("button", { name: /^Workspace: Demo\./ })).toBeVisible();
  const list = page.getByRole("region", { name: "Conversations" });
  await expect(list.getByRole("link", { name: /Maria Lopez/ })).toBeVisible();
  const sandboxLink = page.getByRole("link", { name: /sandbox/i }).first();
  await expect(sandboxLink).toBeVisible();
  const sandboxUrl = new URL((await sandboxLink.getAttribute("href")) ?? "", baseURL).toString();
  expect(sandboxUrl).toMatch(/\/sandbox\/[0-9a-f-]{36}$/);

  // The visitor opens the sandbox in another browser and writes.
  const visitor = await visitorPage(browser, sandboxUrl);
  const w = widgetOf(visitor);
  await w.launcher.click();
  await expect(w.window).toBeVisible();
  await expect(w.messages).toContainText("Ask us anything");
  await write(visitor, "Hi, I'd like to return my <b>shoes</b>");

  // It appears in the open inbox without a reload; the manager opens it.
  const row = list.getByRole("link", { name: /Visitor [0-9A-F]{4}/ });
  await expect(row).toBeVisible();
  await row.click();
  const conversation = page.getByRole("region", { name: "Conversation", exact: true });
  await expect(conversation.getByRole("log", { name: "Messages" })).toContainText(
    "Hi, I'd like to return my <b>shoes</b>",
  );

  // The visitor types: the manager sees it. The manager types: the visitor sees it.
  await w.input.pressSequentially("One more thing", { delay: 30 });
  await expect(page.getByTestId("typing-indicator")).toContainText(/Visitor [0-9A-F]{4}/);
  await w.input.fill("");
  const composer = conversation.getByRole("textbox", { name: "Message" });
  await composer.pressSequentially("Of course", { delay: 30 });
  await expect(w.typing).toContainText("Owner");
  await composer.fill("Of course! Send us a photo of the label, please.");
  await composer.press("Control+Enter");

  // The answer reaches the visitor live, with the manager's name.
  const answer = lastBubble(w.messages, "Send us a photo of the label");
  await expect(answer).toBeVisible();
  await expect(answer).toHaveAttribute("data-direction", "out");
  await expect(w.messages).toContainText("Owner");
  await visitor.screenshot({ path: `${dir}/widget-sandbox-conversation-en.png` });

  // A reload keeps the conversation (the visitor token is in local storage).
  await visitor.reload();
  const again = widgetOf(visitor);
  if (!(await again.window.isVisible())) await again.launcher.click();
  await expect(lastBubble(again.messages, "Send us a photo of the label")).toBeVisible();
  await expect(again.messages).toContainText("Hi, I'd like to return my <b>shoes</b>");
  await page.screenshot({ path: `${dir}/widget-inbox-en.png` });
  await visitor.context().close();
});

test("the widget looks right on a site with hostile CSS, in Russian, and refuses a site that is not allowed", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const hostile = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title><style>
    * { font-size: 40px !important; color: red !important; margin: 30px !important; box-sizing: content-box !important;
        line-height: 3 !important; font-family: "Comic Sans MS", cursive !important; }
    button { display: none !important; } div { position: static !important; background: yellow !important; }
    textarea, input { width: 5px !important; height: 5px !important; }
    body > * { transform: rotate(3deg) !important; }
  </style></head><body><h1>Totally normal shop</h1><div>Products</div>
  <script src="${baseURL}/widget.js" data-parley-channel="CHANNEL" async></script></body></html>`;
  const site = http.createServer((req, res) => {
    const channel = new URL(req.url ?? "/", "http://x").searchParams.get("c") ?? "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostile.replace("CHANNEL", channel));
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  try {
    await signInAsOwner(page);
    const ws = await createWorkspace(page, "Hostile CSS");
    const api = apiAs(page);
    const created = await api.post(`/api/v1/workspaces/${ws}/channels`, {
      kind: "widget",
      name: "Магазин",
      config: { allowedOrigins: [siteOrigin], color: "#e8590c", greeting: "Здравствуйте! Чем помочь?" },
    });
    expect(created.status()).toBe(201);
    const channelId = ((await created.json()) as { channel: { id: string } }).channel.id;

    const visitor = await visitorPage(browser, `${siteOrigin}/?c=${channelId}`, "ru-RU");
    const w = widgetOf(visitor);
    await expect(w.launcher).toBeVisible();
    await expect(w.launcher).toHaveAttribute("aria-label", /чат/i);
    const launcherBox = await w.launcher.boundingBox();
    expect(launcherBox?.width).toBeLessThan(90);
    await w.launcher.click();
    await expect(w.window).toBeVisible();
    await expect(w.messages).toContainText("Здравствуйте! Чем помочь?");
    await write(visitor, "Есть ли доставка в Казань?");
    // The page's CSS does not reach inside: sane sizes, a usable input, our colours.
    const box = await w.window.boundingBox();
    expect(box?.width).toBeGreaterThan(280);
    expect(box?.width).toBeLessThan(480);
    const inputBox = await w.input.boundingBox();
    expect(inputBox?.width).toBeGreaterThan(150);
    const fontSize = await w.input.evaluate((el) => getComputedStyle(el).fontSize);
    expect(Number.parseFloat(fontSize)).toBeLessThan(20);
    await expect(w.send).toBeVisible();
    await visitor.screenshot({ path: `${dir}/widget-hostile-css-ru.png` });

    // The manager's inbox shows it; the manager answers and the Russian widget shows the answer.
    await page.goto(`/w/${ws}`);
    await page
      .getByRole("region", { name: "Conversations" })
      .getByRole("link", { name: /Visitor/ })
      .click();
    const composer = page
      .getByRole("region", { name: "Conversation", exact: true })
      .getByRole("textbox", { name: "Message" });
    await composer.fill("Да, 2–3 дня.");
    await composer.press("Control+Enter");
    await expect(lastBubble(w.messages, "Да, 2–3 дня.")).toBeVisible();
    await visitor.screenshot({ path: `${dir}/widget-conversation-ru.png` });
    await visitor.context().close();

    // Another site may not show this chat: the widget says so instead of failing silently.
    const other = http.createServer((_req, res) => {
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(hostile.replace("CHANNEL", channelId).replace("<style>", "<style>/*"));
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const port = (other.address() as AddressInfo).port;
      const stranger = await visitorPage(browser, `http://127.0.0.1:${port}/`);
      const sw = widgetOf(stranger);
      await expect(sw.launcher).toBeVisible();
      await sw.launcher.click();
      await expect(sw.error).toBeVisible();
      await expect(sw.error).toContainText(/not available on this site/i);
      await stranger.screenshot({ path: `${dir}/widget-origin-refused-en.png` });
      await stranger.context().close();
    } finally {
      other.close();
    }
  } finally {
    site.close();
  }
});
