import type { Update } from "@grammyjs/types";
import { Api, Bot, type FilterQuery } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramFixtures } from "../../connectors/telegram/fixtures";
import { type BotApiDouble, startBotApiDouble } from "./bot-api-double";

let tg: BotApiDouble;

beforeAll(async () => {
  tg = await startBotApiDouble();
});

afterAll(async () => {
  await tg.close();
});

/** The grammY filter query each fixture must match, proving grammY reads it like a real update. */
const expected: Record<keyof typeof telegramFixtures, FilterQuery> = {
  startCommand: "message:entities:bot_command",
  textEntities: "message:entities:text_link",
  photo: "message:photo",
  document: "message:document",
  voice: "message:voice",
  video: "message:video",
  sticker: "message:sticker",
  location: "message:location",
  contact: "message:contact",
  reply: "message:text",
  editedMessage: "edited_message:text",
  callbackQuery: "callback_query:data",
  myChatMemberKicked: "my_chat_member",
  myChatMemberMember: "my_chat_member",
};

async function matches(update: Update, query: FilterQuery): Promise<boolean> {
  const bot = new Bot(tg.token, { client: { apiRoot: tg.url }, botInfo: tg.me });
  let hit = false;
  bot.on(query, () => {
    hit = true;
  });
  await bot.handleUpdate(update);
  return hit;
}

describe("Telegram update fixtures", () => {
  for (const [name, update] of Object.entries(telegramFixtures)) {
    it(`${name} matches grammY's "${expected[name as keyof typeof telegramFixtures]}"`, async () => {
      expect(await matches(update, expected[name as keyof typeof telegramFixtures])).toBe(true);
    });
  }

  it("has UTF-16 entity offsets that cut out the intended words", async () => {
    const bot = new Bot(tg.token, { client: { apiRoot: tg.url }, botInfo: tg.me });
    const seen: string[] = [];
    bot.on("message:entities", async (ctx, next) => {
      seen.push(...ctx.entities().map((e) => `${e.type}:${e.text}`));
      await next();
    });
    bot.command("start", (ctx) => {
      seen.push(`payload:${ctx.match}`);
    });
    await bot.handleUpdate(telegramFixtures.textEntities);
    await bot.handleUpdate(telegramFixtures.startCommand);
    expect(seen).toEqual([
      "text_link:pricing page",
      "bold:Pro plan",
      "url:https://acme.example/po/4471",
      "mention:@acme_finance",
      "bot_command:/start",
      "payload:ref_summer24",
    ]);
  });

  it("travels through the double unchanged apart from the update_id", async () => {
    const api = new Api(tg.token, { apiRoot: tg.url });
    const { update_id: _id, ...body } = telegramFixtures.photo;
    const pushed = tg.pushUpdate(body);
    const [received] = await api.getUpdates({ offset: pushed.update_id, timeout: 0 });
    expect(received).toEqual({ ...telegramFixtures.photo, update_id: pushed.update_id });
  });
});
