/** Checks Block Kit JSON against Slack's documented limits and threadport's rule that nudges mention nobody. */

type Json = Record<string, unknown>;

/** Problems found in the message or view; empty when it is fine. */
export function blockKitProblems(surface: { text?: string; blocks: unknown[]; title?: unknown }): string[] {
  const problems: string[] = [];
  if (surface.blocks.length > 50) problems.push(`${surface.blocks.length} blocks (Slack allows 50)`);
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        visit(child, `${path}[${i}]`);
      });
      return;
    }
    if (!node || typeof node !== "object") return;
    const object = node as Json;
    if (object.type === "section" && typeof (object.text as Json | undefined)?.text === "string") {
      const length = ((object.text as Json).text as string).length;
      if (length > 3000) problems.push(`${path}: section text of ${length} characters (3,000 allowed)`);
    }
    if (object.type === "button") {
      const text = (object.text as Json).text as string;
      if (text.length > 75) problems.push(`${path}: button text over 75 characters`);
      if (typeof object.value === "string" && object.value.length > 2000)
        problems.push(`${path}: value over 2,000`);
    }
    if (typeof object.action_id === "string" && object.action_id.length > 255) {
      problems.push(`${path}: action_id over 255 characters`);
    }
    if (typeof object.text === "string") checkMentions(object.text, path, problems);
    for (const [key, value] of Object.entries(object)) visit(value, `${path}.${key}`);
  };
  visit(surface.blocks, "blocks");
  surface.blocks.forEach((block, i) => {
    // Slack wants action ids unique within their block.
    const ids = [...JSON.stringify(block).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]);
    if (new Set(ids).size !== ids.length) problems.push(`blocks[${i}]: duplicate action_id`);
  });
  if (surface.text !== undefined) checkMentions(surface.text, "text", problems);
  const title = (surface.title as Json | undefined)?.text;
  if (typeof title === "string" && title.length > 24) problems.push(`title "${title}" over 24 characters`);
  return problems;
}

function checkMentions(text: string, path: string, problems: string[]): void {
  // <@U…> mentions a person, <!here>/<!channel>/<!subteam^…> a group; a bare @name does not notify.
  if (/<[@!]/.test(text)) problems.push(`${path}: mentions someone: ${text}`);
}
