/** The demo's people and conversations, in the owner's language (P27). */
export type DemoLine = { from: "client" | "manager"; text: string };
export type DemoPerson = { name: string; phone?: string; email?: string; lines: DemoLine[]; read: boolean };
export type DemoContent = { workspace: string; channel: string; greeting: string; people: DemoPerson[] };

const en: DemoContent = {
  workspace: "Demo",
  channel: "Demo website chat",
  greeting: "Hi! Ask us anything — we usually answer within a few minutes.",
  people: [
    {
      name: "Maria Lopez",
      email: "maria.lopez@example.com",
      read: false,
      lines: [
        { from: "client", text: "Hello! Do you deliver to Lisbon?" },
        { from: "client", text: "And how long does it usually take?" },
      ],
    },
    {
      name: "Tom Becker",
      phone: "+49 151 2345 6789",
      read: true,
      lines: [
        { from: "client", text: "My order #1042 hasn't arrived yet." },
        {
          from: "manager",
          text: "Sorry about that, Tom! It left our warehouse yesterday; tracking: https://example.com/track/1042",
        },
        { from: "client", text: "Great, thanks!" },
      ],
    },
    {
      name: "Aiko Tanaka",
      email: "aiko@example.com",
      read: false,
      lines: [{ from: "client", text: "Can I change the size after ordering?" }],
    },
    {
      name: "Daniel Okafor",
      phone: "+44 7700 900123",
      email: "daniel.okafor@example.com",
      read: true,
      lines: [
        { from: "client", text: "Is there a discount for teams of 10+?" },
        { from: "manager", text: "Yes — 15% from 10 seats. Shall I send you an offer?" },
      ],
    },
    {
      name: "Sofia Rossi",
      read: false,
      lines: [{ from: "client", text: "Hi, is anyone there? 🙂" }],
    },
  ],
};

const ru: DemoContent = {
  workspace: "Демо",
  channel: "Демо-чат на сайте",
  greeting: "Здравствуйте! Спросите нас о чём угодно — обычно отвечаем за пару минут.",
  people: [
    {
      name: "Мария Лопес",
      email: "maria.lopez@example.com",
      read: false,
      lines: [
        { from: "client", text: "Здравствуйте! Вы доставляете в Казань?" },
        { from: "client", text: "И сколько обычно идёт посылка?" },
      ],
    },
    {
      name: "Тимур Беков",
      phone: "+7 912 345-67-89",
      read: true,
      lines: [
        { from: "client", text: "Мой заказ №1042 ещё не пришёл." },
        {
          from: "manager",
          text: "Извините, Тимур! Он уехал со склада вчера; отслеживание: https://example.com/track/1042",
        },
        { from: "client", text: "Отлично, спасибо!" },
      ],
    },
    {
      name: "Анна Котова",
      email: "anna@example.com",
      read: false,
      lines: [{ from: "client", text: "Можно поменять размер после заказа?" }],
    },
    {
      name: "Даниил Орлов",
      phone: "+7 903 123-45-67",
      email: "daniil.orlov@example.com",
      read: true,
      lines: [
        { from: "client", text: "Есть ли скидка для команды от 10 человек?" },
        { from: "manager", text: "Да — 15% от 10 мест. Прислать вам предложение?" },
      ],
    },
    {
      name: "София Романова",
      read: false,
      lines: [{ from: "client", text: "Здравствуйте, есть кто-нибудь? 🙂" }],
    },
  ],
};

export const demoContent = (locale: string): DemoContent => (locale.toLowerCase().startsWith("ru") ? ru : en);
