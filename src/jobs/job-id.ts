import { createHash, randomUUID } from "node:crypto";

/**
 * A job id: random, or derived from a key (a UUID built from its SHA-256, version nibble 8 = "custom"), so
 * that enqueueing the same Slack event twice names the same job and the second insert does nothing.
 */
export function jobIdFor(key?: string): string {
  if (key === undefined) return randomUUID();
  const hex = createHash("sha256").update(`threadport-job:${key}`).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
