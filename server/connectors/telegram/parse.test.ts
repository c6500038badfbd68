import type { Update } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { telegramFixtures as fx } from "./fixtures";
import { type ParsedMessage, parseUpdates, plainText } from "./parse";

const maria = { externalId: "5871334420", name: "Maria Sokolova" };

/** The one message an update yields (and that it yields nothing else). */
function only(update: Update): ParsedMessage {
  const parsed = parseUpdates([update]);
  expect(parsed.messages).toHaveLength(1);
  expect(parsed.updates).toEqual([]);
  const [first] = parsed.messages;
  if (!first) throw new Error("no message parsed");
  return first;
}

describe("plainText", () => {
  it("keeps a hidden link's words and shows its address after them; other entities change nothing", () => {
    const m = fx.textEntities.message;
    expect(plainText(m.text, m.entities)).toBe(
      "Hi 👋 I read your pricing page (https://parley.example/pricing). Is the Pro plan billed yearly? " +
        "Our PO: https://acme.example/po/4471 — cc @acme_finance",
    );
  });

  it("counts offsets in UTF-16 code units and handles several links, last first", () => {
    const text = "😀 a b";
    const entities = [
      { type: "text_link" as const, offset: 3, length: 1, url: "https://a.example" },
      { type: "text_link" as const, offset: 5, length: 1, url: "https://b.example" },
    ];
    expect(plainText(text, entities)).toBe("😀 a (https://a.example) b (https://b.example)");
  });

  it("answers null for no text and the text itself without entities", () => {
    expect(plainText(undefined, undefined)).toBeNull();
    expect(plainText("", [])).toBeNull();
    expect(plainText("plain", undefined)).toBe("plain");
  });
});

describe("parseUpdates: messages", () => {
  it("a deep-link /start records the payload as the start code", () => {
    const { event, media } = only(fx.startCommand);
    expect(media).toEqual([]);
    expect(event).toMatchObject({
      eventId: "5871334420:1432",
      client: maria,
      start: { code: "ref_summer24" },
      message: { externalId: "1432", text: "/start ref_summer24", parts: [], replyToExternalId: null },
    });
    expect(event.message.sentAt).toEqual(new Date(1733390449 * 1000));
    expect(event.kind).toBeUndefined();
  });

  it("a bare /start has a null code; other commands and plain text are no start", () => {
    const bare: Update = {
      ...fx.startCommand,
      message: {
        ...fx.startCommand.message,
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    };
    expect(only(bare).event.start).toEqual({ code: null });
    const help: Update = {
      ...fx.startCommand,
      message: {
        ...fx.startCommand.message,
        text: "/help x",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      },
    };
    expect(only(help).event.start).toBeUndefined();
    expect(only(fx.textEntities).event.start).toBeUndefined();
  });

  it("text with entities becomes plain text", () => {
    const { event } = only(fx.textEntities);
    expect(event.message.text).toContain("pricing page (https://parley.example/pricing)");
    expect(event.client).toEqual(maria);
  });

  it("a photo picks the largest size and keeps the caption as the text", () => {
    const { event, media } = only(fx.photo);
    const largest = fx.photo.message.photo?.[3];
    expect(media).toEqual([
      { type: "image", fileId: largest?.file_id, size: 121877, name: "photo_1434.jpg", mime: "image/jpeg" },
    ]);
    expect(event.message.text).toBe("Error on checkout, see the red banner");
  });

  it("picks the largest photo by area whatever the order", () => {
    const sizes = [...(fx.photo.message.photo ?? [])].reverse();
    const { media } = only({ ...fx.photo, message: { ...fx.photo.message, photo: sizes } });
    expect(media[0]?.fileId).toBe(fx.photo.message.photo?.[3]?.file_id);
  });

  it("a document keeps its name and type", () => {
    const { event, media } = only(fx.document);
    expect(media).toEqual([
      {
        type: "file",
        fileId: fx.document.message.document?.file_id,
        size: 284913,
        name: "Invoice-2024-117.pdf",
        mime: "application/pdf",
      },
    ]);
    expect(event.message.text).toBe("Signed invoice attached");
  });

  it("a voice note is a voice part in OGG", () => {
    const { event, media } = only(fx.voice);
    expect(media).toEqual([
      {
        type: "voice",
        fileId: fx.voice.message.voice?.file_id,
        size: 14336,
        name: "voice_1436.ogg",
        mime: "audio/ogg",
      },
    ]);
    expect(event.message.text).toBeNull();
  });

  it("a video keeps its file name", () => {
    const { event, media } = only(fx.video);
    expect(media).toEqual([
      {
        type: "video",
        fileId: fx.video.message.video?.file_id,
        size: 2874311,
        name: "IMG_4471.MP4",
        mime: "video/mp4",
      },
    ]);
    expect(event.message.text).toBe("Screen recording of the bug");
  });

  it("a static sticker is a webp sticker part (its thumbnail is not fetched)", () => {
    const { media } = only(fx.sticker);
    expect(media).toEqual([
      {
        type: "sticker",
        fileId: fx.sticker.message.sticker?.file_id,
        size: 23850,
        name: "sticker_1438.webp",
        mime: undefined,
      },
    ]);
  });

  it("a location becomes a location part with nothing to fetch", () => {
    const { event, media } = only(fx.location);
    expect(media).toEqual([]);
    expect(event.message).toMatchObject({
      text: null,
      parts: [{ type: "location", latitude: 52.520008, longitude: 13.404954 }],
    });
  });

  it("a contact becomes a contact part; the client's own number becomes their phone", () => {
    const { event } = only(fx.contact);
    expect(event.message.parts).toEqual([{ type: "contact", name: "Maria Sokolova", phone: "4915112345678" }]);
    expect(event.client).toEqual({ ...maria, phone: "4915112345678" });
    const someoneElse: Update = {
      ...fx.contact,
      message: {
        ...fx.contact.message,
        contact: { phone_number: "491700000000", first_name: "Bob", user_id: 42 },
      },
    };
    const other = only(someoneElse).event;
    expect(other.client.phone).toBeUndefined();
    expect(other.message.parts).toEqual([{ type: "contact", name: "Bob", phone: "491700000000" }]);
  });

  it("a reply names the quoted message", () => {
    const { event } = only(fx.reply);
    expect(event.message).toMatchObject({
      externalId: "1442",
      text: "Pro, but billed monthly please",
      replyToExternalId: "1441",
    });
  });
});

describe("parseUpdates: changes and button presses", () => {
  it("an edited message becomes an edit update, unique per edit", () => {
    const parsed = parseUpdates([fx.editedMessage]);
    expect(parsed.messages).toEqual([]);
    expect(parsed.updates).toEqual([
      {
        type: "edit",
        eventId: "5871334420:1443:e1733390853",
        chatExternalId: "5871334420",
        messageExternalId: "1443",
        text: "Can we schedule a call tomorrow?",
        editedAt: new Date(1733390853 * 1000),
      },
    ]);
  });

  it("my_chat_member kicked → blocked, member → subscribed", () => {
    const parsed = parseUpdates([fx.myChatMemberKicked, fx.myChatMemberMember]);
    expect(parsed.messages).toEqual([]);
    expect(parsed.updates).toEqual([
      {
        type: "status",
        eventId: "5871334420:member:1733391439:kicked",
        chatExternalId: "5871334420",
        status: "blocked",
        at: new Date(1733391439 * 1000),
      },
      {
        type: "status",
        eventId: "5871334420:member:1733395039:member",
        chatExternalId: "5871334420",
        status: "subscribed",
        at: new Date(1733395039 * 1000),
      },
    ]);
  });

  it("other member statuses (the bot left a group) change nothing", () => {
    const { my_chat_member: m } = fx.myChatMemberMember;
    const left: Update = {
      update_id: 1,
      my_chat_member: {
        ...m,
        new_chat_member: {
          ...fx.myChatMemberMember.my_chat_member.new_chat_member,
          status: "left",
        },
      },
    };
    expect(parseUpdates([left]).updates).toEqual([]);
  });

  it("a callback query becomes an event message with the button's label, and its id is to be answered", () => {
    const parsed = parseUpdates([fx.callbackQuery]);
    expect(parsed.updates).toEqual([]);
    expect(parsed.callbacks).toEqual(["2521739012458329187"]);
    expect(parsed.messages).toHaveLength(1);
    const [pressed] = parsed.messages;
    expect(pressed?.media).toEqual([]);
    expect(pressed?.event).toMatchObject({
      eventId: "cb:2521739012458329187",
      kind: "event",
      client: maria,
      message: { externalId: "cb:2521739012458329187", text: "Pro", parts: [], replyToExternalId: "1441" },
    });
  });

  it("a callback whose button is gone shows its data", () => {
    const { callback_query: cb } = fx.callbackQuery;
    const orphan: Update = { update_id: 2, callback_query: { ...cb, data: "plan:legacy" } };
    expect(parseUpdates([orphan]).messages[0]?.event.message.text).toBe("plan:legacy");
  });

  it("parses a batch in order and ignores kinds it does not know", () => {
    const unknown = { update_id: 3, poll: { id: "p" } } as unknown as Update;
    const parsed = parseUpdates([fx.startCommand, unknown, fx.reply, fx.editedMessage]);
    expect(parsed.messages.map((m) => m.event.message.externalId)).toEqual(["1432", "1442"]);
    expect(parsed.updates.map((u) => u.type)).toEqual(["edit"]);
  });
});
