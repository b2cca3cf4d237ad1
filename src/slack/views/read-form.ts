/** Reads submitted modal values by action id (block ids may carry a round suffix, see with-project.ts). */
import type { ViewStateValue } from "@slack/bolt";

type Values = Record<string, Record<string, ViewStateValue>>;

export interface FoundValue {
  blockId: string;
  value: ViewStateValue;
}

export function findValue(values: Values | undefined, actionId: string): FoundValue | undefined {
  for (const [blockId, actions] of Object.entries(values ?? {})) {
    const value = actions[actionId];
    if (value) return { blockId, value };
  }
  return undefined;
}

export function selectedValue(values: Values | undefined, actionId: string): string | undefined {
  return findValue(values, actionId)?.value.selected_option?.value ?? undefined;
}

export function selectedValues(values: Values | undefined, actionId: string): string[] {
  return (findValue(values, actionId)?.value.selected_options ?? []).map((o) => o.value);
}

export function textValue(values: Values | undefined, actionId: string): string {
  return findValue(values, actionId)?.value.value ?? "";
}
