/**
 * What a modal remembers between opening and submission (Slack's private_metadata, at most 3,000 characters).
 * Short keys keep it small; parsing is strict because the text comes back from Slack. Checked by hand rather
 * than with zod: this module loads with every start, and zod alone adds about 10 MB to the idle process
 * (it is loaded only with the model summarizer).
 */
import { LIMITS } from "./block-kit.js";

const CONVERSATION_KINDS = ["public_channel", "private_channel", "im", "mpim"] as const;

export interface ModalMetadata {
  /** Team (workspace) id. */
  t: string;
  /** Channel the modal is about. */
  c: string;
  /** ts of the message the shortcut was used on (or the export to run after linking). */
  m?: string;
  /** Thread's parent ts. */
  th?: string;
  /** Chosen project (path or id) that the issue and label searches use. */
  p?: string;
  /** Conversation kind, for the confidential default. */
  k?: (typeof CONVERSATION_KINDS)[number];
  /** Bumped when the project changes, so that project-specific inputs start empty. */
  r?: number;
}

export function encodeMetadata(meta: ModalMetadata): string {
  const text = JSON.stringify(meta);
  if (text.length > LIMITS.privateMetadata) {
    throw new Error(
      `private_metadata would be ${text.length} characters; Slack allows ${LIMITS.privateMetadata}`,
    );
  }
  return text;
}

/** The metadata, or undefined when it is missing or not threadport's. Unknown keys are dropped. */
export function decodeMetadata(text: string | undefined): ModalMetadata | undefined {
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const { t, c, m, th, p, k, r } = raw as Record<string, unknown>;
  if (!isFilled(t) || !isFilled(c)) return undefined;
  if (![m, th, p].every(isOptionalString)) return undefined;
  if (k !== undefined && !CONVERSATION_KINDS.includes(k as never)) return undefined;
  if (r !== undefined && !(Number.isInteger(r) && (r as number) >= 0)) return undefined;
  const meta: ModalMetadata = { t, c };
  if (m !== undefined) meta.m = m as string;
  if (th !== undefined) meta.th = th as string;
  if (p !== undefined) meta.p = p as string;
  if (k !== undefined) meta.k = k as ModalMetadata["k"];
  if (r !== undefined) meta.r = r as number;
  return meta;
}

function isFilled(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}
