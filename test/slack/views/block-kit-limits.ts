/**
 * Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit), checked over a whole surface: a
 * view or a message's blocks. Returns every problem, so a test shows all of them at once.
 */

export type Surface = "modal" | "home" | "message";

const MAX_BLOCKS: Record<Surface, number> = { modal: 100, home: 100, message: 50 };

type Json = Record<string, unknown>;

export function blockKitProblems(surface: Surface, surfaceValue: object | unknown[]): string[] {
  const problems: string[] = [];
  const target = surfaceValue as Json | unknown[];
  const view = Array.isArray(target) ? undefined : target;
  const blocks = (Array.isArray(target) ? target : (view?.blocks as unknown[])) ?? [];
  const max = (where: string, value: unknown, limit: number) => {
    if (typeof value === "string" && value.length > limit)
      problems.push(`${where}: ${value.length} characters, more than ${limit}`);
  };
  const textOf = (value: unknown) => (value as Json | undefined)?.text;
  if (blocks.length > MAX_BLOCKS[surface])
    problems.push(`${blocks.length} blocks, more than ${MAX_BLOCKS[surface]}`);
  if (view && surface === "modal") {
    if (!textOf(view.title)) problems.push("modal without a title");
    for (const field of ["title", "submit", "close"]) max(`view.${field}`, textOf(view[field]), 24);
    const hasInput = blocks.some((b) => (b as Json).type === "input");
    if (hasInput && !view.submit) problems.push("modal with inputs but no submit button");
  }
  if (view) {
    max("private_metadata", view.private_metadata, 3000);
    max("callback_id", view.callback_id, 255);
  }
  const blockIds: string[] = [];
  const actionIds: string[] = [];
  blocks.forEach((raw, i) => {
    const block = raw as Json;
    const at = `blocks[${i}] (${String(block.type)})`;
    if (typeof block.block_id === "string") {
      blockIds.push(block.block_id);
      max(`${at}.block_id`, block.block_id, 255);
    }
    switch (block.type) {
      case "section":
        max(`${at}.text`, textOf(block.text), 3000);
        for (const [j, field] of ((block.fields as unknown[]) ?? []).entries())
          max(`${at}.fields[${j}]`, textOf(field), 2000);
        if (block.accessory) checkElement(`${at}.accessory`, block.accessory as Json);
        break;
      case "header":
        max(`${at}.text`, textOf(block.text), 150);
        break;
      case "context": {
        const elements = (block.elements as Json[]) ?? [];
        if (elements.length > 10) problems.push(`${at}: ${elements.length} elements, more than 10`);
        for (const [j, element] of elements.entries()) max(`${at}.elements[${j}]`, element.text, 3000);
        break;
      }
      case "actions": {
        const elements = (block.elements as Json[]) ?? [];
        if (elements.length > 25) problems.push(`${at}: ${elements.length} elements, more than 25`);
        for (const [j, element] of elements.entries()) checkElement(`${at}.elements[${j}]`, element);
        break;
      }
      case "input":
        max(`${at}.label`, textOf(block.label), 2000);
        max(`${at}.hint`, textOf(block.hint), 2000);
        checkElement(`${at}.element`, block.element as Json);
        break;
    }
  });

  function checkElement(at: string, element: Json): void {
    if (typeof element.action_id === "string") {
      actionIds.push(element.action_id);
      max(`${at}.action_id`, element.action_id, 255);
    }
    max(`${at}.placeholder`, textOf(element.placeholder), 150);
    if (element.type === "button") {
      max(`${at}.text`, textOf(element.text), 75);
      max(`${at}.value`, element.value, 2000);
      max(`${at}.url`, element.url, 3000);
    }
    if (element.type === "plain_text_input") {
      max(`${at}.initial_value`, element.initial_value, 3000);
      if (typeof element.max_length === "number" && element.max_length > 3000)
        problems.push(`${at}.max_length: ${element.max_length}, more than 3000`);
    }
    const options = [
      ...((element.options as Json[]) ?? []),
      ...((element.initial_options as Json[]) ?? []),
      ...(element.initial_option ? [element.initial_option as Json] : []),
    ];
    if (((element.options as unknown[]) ?? []).length > 100) problems.push(`${at}: more than 100 options`);
    if (element.type === "checkboxes" || element.type === "radio_buttons") {
      if (((element.options as unknown[]) ?? []).length > 10) problems.push(`${at}: more than 10 options`);
    }
    for (const option of options) checkOption(at, option);
  }

  function checkOption(at: string, option: Json): void {
    max(`${at} option text`, textOf(option.text), 75);
    max(`${at} option value`, option.value, 150);
  }

  // Slack wants block ids unique in a view or message, and action ids unique within it as threadport uses them.
  for (const [name, ids] of [
    ["block_id", blockIds],
    ["action_id", actionIds],
  ] as const) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${name} "${id}" is used twice`);
      seen.add(id);
    }
  }
  return problems;
}

/** Checks an external select's answer: at most `max` options (Slack allows 100), each within limits. */
export function optionListProblems(answer: { options?: unknown[] }, max = 100): string[] {
  const options = (answer.options ?? []) as Json[];
  const problems: string[] = [];
  if (options.length > max) problems.push(`${options.length} options, more than ${max}`);
  for (const [i, option] of options.entries()) {
    const text = (option.text as Json | undefined)?.text;
    if (typeof text !== "string" || text.length > 75) problems.push(`option ${i}: text missing or over 75`);
    if (typeof option.value !== "string" || option.value.length > 150)
      problems.push(`option ${i}: value over 150`);
  }
  return problems;
}
