/** The private message that asks someone to link the channel to a project, with a button that does it. */
import type { types } from "@slack/bolt";
import { IDS } from "../interaction-ids.js";
import { plainText, section } from "./block-kit.js";

/** What the "Link a project" button carries to the modal. */
export interface LinkButtonValue {
  /** Channel to link. */
  c: string;
  /** Message whose thread to export once linked. */
  m?: string;
}

export function linkProjectPrompt(text: string, value: LinkButtonValue): types.KnownBlock[] {
  return [
    section(text),
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: IDS.action.openLinkModal,
          style: "primary",
          text: plainText("Link a GitLab project", 75),
          value: JSON.stringify(value),
        },
      ],
    },
  ];
}

export function parseLinkButtonValue(value: string | undefined): LinkButtonValue | undefined {
  try {
    const parsed = JSON.parse(value ?? "") as Partial<LinkButtonValue>;
    if (typeof parsed.c !== "string" || !parsed.c) return undefined;
    return { c: parsed.c, ...(typeof parsed.m === "string" && parsed.m ? { m: parsed.m } : {}) };
  } catch {
    return undefined;
  }
}
