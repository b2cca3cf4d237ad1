/** post_back_settings rows ↔ PostBackSettings, shared by the SQLite and PostgreSQL stores. */
import type { PostBackSettings } from "../store.js";

export interface PostBackSettingsRow {
  enabled: number | null;
  confidential_text: number | null;
}

export function toSettings(row: PostBackSettingsRow | undefined): PostBackSettings {
  const settings: PostBackSettings = {};
  if (row?.enabled !== null && row?.enabled !== undefined) settings.enabled = row.enabled === 1;
  if (row?.confidential_text !== null && row?.confidential_text !== undefined) {
    settings.confidentialText = row.confidential_text === 1;
  }
  return settings;
}

/** An optional boolean as a nullable 0/1 column (null leaves the stored value alone). */
export function flag(value: boolean | undefined): number | null {
  return value === undefined ? null : value ? 1 : 0;
}
