import fs from "node:fs";
import type { FastifyPluginAsync } from "fastify";
import { sandboxPath } from "../../../common/widget";
import type { Ctx } from "../../context";
import { WidgetAccess } from "./access";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const copy = {
  en: {
    title: "Sandbox",
    lead: "This page plays your customer's website. Write in the chat at the bottom of the page as a visitor would, and answer from the Parley inbox in your other tab.",
    tip: "Reload this page: the conversation stays (the visitor's token is kept in this browser). Open it in a private window to be a new visitor.",
    product: "Demo shop",
  },
  ru: {
    title: "Песочница",
    lead: "Эта страница изображает сайт вашего клиента. Напишите в чат внизу страницы, как написал бы посетитель, и ответьте из входящих Parley в другой вкладке.",
    tip: "Перезагрузите страницу — переписка сохранится (токен посетителя хранится в этом браузере). Откройте её в приватном окне, чтобы стать новым посетителем.",
    product: "Демо-магазин",
  },
};

function sandboxPage(lang: "en" | "ru", channelId: string, channelName: string): string {
  const t = copy[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} · ${escapeHtml(channelName)}</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; background: #f5f7fa; }
  header { background: #fff; border-bottom: 1px solid #e4e7eb; padding: 16px 32px; font-weight: 600; }
  main { max-width: 720px; margin: 48px auto; padding: 0 24px; }
  h1 { font-size: 28px; margin: 0 0 12px; }
  p { color: #3e4c59; }
  .tip { font-size: 14px; color: #616e7c; background: #fff; border: 1px solid #e4e7eb; border-radius: 8px; padding: 12px 16px; }
</style>
</head>
<body>
<header>${t.product}</header>
<main>
  <h1>${t.title}: ${escapeHtml(channelName)}</h1>
  <p>${t.lead}</p>
  <p class="tip">${t.tip}</p>
</main>
<script src="/widget.js" data-parley-channel="${escapeHtml(channelId)}" data-lang="${lang}" async></script>
</body>
</html>`;
}

/**
 * `/widget.js` (the visitor's widget, built into dist/widget) and the sandbox page
 * `/sandbox/:channelId`, where you play the visitor of a widget channel (P27).
 */
export const widgetPages: FastifyPluginAsync<{ ctx: Ctx; widgetFile: string }> = async (app, { ctx, widgetFile }) => {
  const access = new WidgetAccess(ctx);

  app.get("/widget.js", { config: { auth: "public" }, schema: { hide: true } }, async (_req, reply) => {
    if (!fs.existsSync(widgetFile)) {
      return reply.code(503).type("text/plain").send("The widget is not built yet: run `npm run build`.");
    }
    return reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=300")
      .header("access-control-allow-origin", "*")
      .header("cross-origin-resource-policy", "cross-origin")
      .send(fs.createReadStream(widgetFile));
  });

  app.get<{ Params: { channelId: string }; Querystring: { lang?: string } }>(
    sandboxPath(":channelId"),
    { config: { auth: "public" }, schema: { hide: true } },
    async (req, reply) => {
      const asked = req.query.lang ?? req.headers["accept-language"] ?? "";
      const lang = asked.toLowerCase().startsWith("ru") ? "ru" : "en";
      const channel = await access.channel(req.params.channelId).catch(() => null);
      reply
        .header(
          "content-security-policy",
          "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; script-src 'self'; frame-ancestors 'none'",
        )
        .header("cache-control", "no-store")
        .type("text/html; charset=utf-8");
      if (!channel) {
        const text =
          lang === "ru"
            ? "Такого виджета нет, или канал на паузе."
            : "There is no such widget, or its channel is paused.";
        return reply.code(404).send(`<!doctype html><meta charset="utf-8"><title>404</title><p>${text}</p>`);
      }
      return reply.send(sandboxPage(lang, channel.id, channel.name));
    },
  );
};
