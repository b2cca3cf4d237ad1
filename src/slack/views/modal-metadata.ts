/**
 * What a modal remembers between opening and submission (Slack's private_metadata, at most 3,000 characters).
 * Short keys keep it small; parsing is strict because the text comes back from Slack.
 */
import { z } from "zod";
import { LIMITS } from "./block-kit.js";

const schema = z.object({
  /** Team (workspace) id. */
  t: z.string().min(1),
  /** Channel the modal is about. */
  c: z.string().min(1),
  /** ts of the message the shortcut was used on (or the export to run after linking). */
  m: z.string().optional(),
  /** Thread's parent ts. */
  th: z.string().optional(),
  /** Chosen project (path or id) that the issue and label searches use. */
  p: z.string().optional(),
  /** Conversation kind, for the confidential default. */
  k: z.enum(["public_channel", "private_channel", "im", "mpim"]).optional(),
  /** Bumped when the project changes, so that project-specific inputs start empty. */
  r: z.number().int().nonnegative().optional(),
});

export type ModalMetadata = z.infer<typeof schema>;

export function encodeMetadata(meta: ModalMetadata): string {
  const text = JSON.stringify(meta);
  if (text.length > LIMITS.privateMetadata) {
    throw new Error(
      `private_metadata would be ${text.length} characters; Slack allows ${LIMITS.privateMetadata}`,
    );
  }
  return text;
}

/** The metadata, or undefined when it is missing or not threadport's. */
export function decodeMetadata(text: string | undefined): ModalMetadata | undefined {
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
