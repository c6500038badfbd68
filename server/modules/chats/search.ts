import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { phoneQueryDigits } from "../../lib/phone";
import {
  escapeLike,
  firstMatches,
  listSizes,
  type Match,
  matchingPeople,
  pageOfPeople,
  type SearchInput,
  walkList,
} from "./search-steps";

export type { SearchInput } from "./search-steps";

export function matchOf(term: string): Match {
  const digits = phoneQueryDigits(term);
  if (digits) return { kind: "phone", digits };
  const at = term.indexOf("@");
  return { kind: "text", like: `%${escapeLike(term)}%`, local: at > 0 ? term.slice(0, at) : null };
}

export type SearchTuning = {
  /**
   * How many chats of the list a search reads first, in order, at most: a two-hundredth of the
   * workspace's chats, and at least 500. (A longer list makes a wrong estimate of how many people
   * match costlier, so it is worth reading more of it first.)
   */
  firstStretch: number;
  /** Finding one person through the trigram indexes costs about as much as reading this many chats. */
  personCost: number;
  /** At most this many people go through the trigram indexes: past it, the list is walked. */
  maxPeople: number;
};
export const defaultTuning: SearchTuning = { firstStretch: 2000, personCost: 10, maxPeople: 2000 };

/**
 * The ids of one page (limit + 1) of the chats matching the term, in list order.
 * 1. The first chats of the list are read in order, index-only (the activity indexes carry each
 *    chat's copy of its client's name, e-mail and phone digits). A query many people match has its
 *    page there; for the others, the matches there tell about how many people match in all.
 * 2. Few people: the trigram indexes on clients (for a query with an "@", a B-tree on the e-mails'
 *    part before it) find them and their chats are sorted by activity.
 * 3. Many people, or a query of one or two letters (no trigram): the list is walked on in order.
 */
export async function searchChatIds(
  db: Kysely<DB>,
  input: SearchInput,
  tuning: SearchTuning = defaultTuning,
): Promise<string[]> {
  const { firstStretch, personCost, maxPeople } = tuning;
  const match = matchOf(input.term);
  // Runs of letters and digits: the parts of the query that have trigrams. With several, those
  // common among the first chats are left out of a trigram lookup (see indexLike).
  const runs = match.kind === "text" ? (input.term.match(/[\p{L}\p{N}]{3,}/gu) ?? []).slice(0, 4) : [];
  const sizes = await listSizes(db, input.workspaceId);
  const stretch = Math.min(firstStretch, Math.max(500, Math.round(sizes.chats / 200)));
  // Counting the runs reads the whole stretch; a query with an "@" finds e-mails without them.
  const counted = runs.length > 1 && match.kind === "text" && match.local === null ? runs : [];
  const first = await firstMatches(db, input, match, stretch, counted);
  const want = input.limit + 1;
  if (first.ids.length >= want) return first.ids;
  if (match.kind === "phone" || runs.length > 0) {
    // Erring towards the trigram indexes: their work is capped, a walk past rare matches is not.
    const rate = first.ids.length / stretch;
    const listed = input.tab === "unread" ? sizes.unread : sizes.chats;
    const walk = rate > 0 ? Math.min((want - first.ids.length) / rate, listed) : listed;
    if (rate * sizes.chats * personCost < walk) {
      // More people than this: the estimate was wrong, and walking is cheaper.
      const cap = Math.min(maxPeople, Math.max(200, Math.ceil((2 * walk) / Math.max(personCost, 1))));
      const like = indexLike(input.term, match, runs, first.runs, stretch);
      const people = await matchingPeople(db, input.workspaceId, input.term, match, like, cap);
      if (people) return people.length === 0 ? [] : pageOfPeople(db, input, people);
    }
  }
  return walkList(db, input, match);
}

/**
 * What the trigram indexes are asked (the row then checks the whole query). For a phone, its last
 * digits: the leading ones (country and area codes) are in most numbers, and such trigrams make a
 * lookup slow. For text with several runs of letters, the query with the runs that are common among
 * the first chats of the list left out (of "ann gmail.com", "ann %.%"; a query with an "@" goes by the
 * e-mails' B-tree instead).
 */
function indexLike(term: string, m: Match, runs: string[], counts: number[], stretch: number): string {
  if (m.kind === "phone") return `%${m.digits.slice(-5)}%`;
  if (runs.length < 2) return m.like;
  const common = new Set(runs.filter((_, i) => (counts[i] ?? 0) > stretch * 0.05));
  if (common.size === 0 || common.size === runs.length) return m.like;
  let like = "%";
  let wild = true;
  for (const part of term.split(/([\p{L}\p{N}]{3,})/u)) {
    if (common.has(part)) {
      if (!wild) like += "%";
      wild = true;
    } else if (part) {
      like += escapeLike(part);
      wild = false;
    }
  }
  return wild ? like : `${like}%`;
}
