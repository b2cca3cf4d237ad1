/** Names and time zones of Slack users for the nudges, through the same cache as the export's reader. */
import type { WebClient } from "@slack/web-api";
import type { SlotPerson } from "../nudge/find-call-slot.js";
import type { PeopleDirectory } from "../nudge/ports.js";
import type { Store } from "../store/store.js";
import { toSlackThreadportError } from "./slack-error.js";
import { toPerson } from "./slack-shapes.js";

export interface SlackPeopleDirectoryOptions {
  client: WebClient;
  store: Pick<Store, "getCachedUser" | "saveUser">;
  /** How long a cached Slack profile is trusted (time zones change when people travel). */
  maxAgeMs?: number;
}

export class SlackPeopleDirectory implements PeopleDirectory {
  constructor(private readonly options: SlackPeopleDirectoryOptions) {}

  async person(teamId: string, userId: string): Promise<SlotPerson> {
    const { store, client, maxAgeMs = 24 * 3600_000 } = this.options;
    const cached = await store.getCachedUser(teamId, userId, maxAgeMs);
    if (cached) return { id: userId, name: cached.name, timeZone: cached.timeZone };
    try {
      const result = await client.users.info({ user: userId });
      const person = toPerson(userId, result.user ?? {});
      await store.saveUser(teamId, person);
      return { id: userId, name: person.name, timeZone: person.timeZone };
    } catch (error) {
      const mapped = toSlackThreadportError(error, "users.info");
      if (mapped.details.slackError === "user_not_found") return { id: userId, name: userId };
      throw mapped;
    }
  }
}
