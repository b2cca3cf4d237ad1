/** Unicode pictographs with their modifiers, joiners and flags. */
const EMOJI =
  /(?:\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D}|\u{20E3})+/gu;
/** Slack short codes such as :white_check_mark: (a letter or "+" is required, so "10:00:00" is safe). */
const SHORTCODE = /:(?=[a-z0-9_+'-]*[a-z+])[a-z0-9_+'-]{1,40}:/gi;

/** Emoji and short codes that mean "yes, agreed" when they are the whole reply. */
const CONFIRMING = [
  /\u{1F44D}/u,
  /\u{1F44C}/u,
  /\u2705/u,
  /\u2714/u,
  /\u2611/u,
  /\u{1F4AF}/u,
  /\u{1F197}/u,
  /:(?:\+1|thumbsup|thumbs_up|white_check_mark|heavy_check_mark|ballot_box_with_check|ok_hand|100|ok)(?:::skin-tone-\d)?:/i,
];

/** Removes emoji and short codes; `replacement` lets a caller keep them as phrase boundaries. */
export function stripEmoji(text: string, replacement = " "): string {
  return text.replace(SHORTCODE, replacement).replace(EMOJI, replacement);
}

/** True when the text holds emoji and nothing else but spaces and punctuation. */
export function isOnlyEmoji(text: string): boolean {
  const stripped = stripEmoji(text, "");
  return stripped !== text && !/[\p{L}\p{N}]/u.test(stripped);
}

/** True when the text carries an emoji that signals agreement (👍, ✅, :+1: …). */
export function hasConfirmingEmoji(text: string): boolean {
  return CONFIRMING.some((pattern) => pattern.test(text));
}
