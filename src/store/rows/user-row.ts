/** slack_users rows → Person, shared by the SQLite and PostgreSQL stores. */
import type { Person } from "../../export/thread-types.js";

export interface UserRow {
  user_id: string;
  name: string;
  real_name: string | null;
  time_zone: string | null;
  is_bot: number | string;
}

export const USER_COLUMNS = "user_id, name, real_name, time_zone, is_bot";

export function toPerson(row: UserRow): Person {
  const person: Person = { id: row.user_id, name: row.name, isBot: Number(row.is_bot) === 1 };
  if (row.real_name !== null) person.realName = row.real_name;
  if (row.time_zone !== null) person.timeZone = row.time_zone;
  return person;
}
