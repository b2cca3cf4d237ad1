/**
 * What makes a short phrase (a title, a listed item) unfit to show as written: cut off, dangling, raw
 * markup, unbalanced brackets, a greeting. Pure checks on the text's shape, the same for every summarizer;
 * each returns a problem a person can read, or undefined. title-problems.ts and item-problems.ts combine them.
 */

/** Words that join a phrase to what follows; a phrase that ends on one was cut off mid-clause. */
const CONNECTORS = new Set(
  (
    "a an the and or but of to in on at by for with from into about as is are was were be if than that " +
    "which who whose between via vs your my our their its this these those i we you"
  ).split(" "),
);

/**
 * A question may end on most of those ("Which version should we upgrade to?", "Where is the config?"), but
 * not on an article, a conjunction, a possessive or a preposition that needs its object.
 */
const QUESTION_CONNECTORS = new Set(
  "a an the and or but if than between via vs whose your my our their its".split(" "),
);

/** Function words, auxiliaries and question words: they carry no subject. */
const FUNCTION_WORDS = new Set([
  ...CONNECTORS,
  ...(
    "am been being do does did done have has had having can could will would shall should may might must " +
    "not no yes it it's its me us him her them they he she what whats what's why how where when whether " +
    "there here so just also any some all anyone anybody someone somebody something anything everyone " +
    "everybody one ones else please ok okay hi hello hey thanks thank up out over get got i'm i've we're " +
    "let's lets s t"
  ).split(" "),
]);

/**
 * Words that say what kind of message it is, not what it is about: "Another bonus question", "Did anyone
 * have this problem", "Quick help needed". They do not count as naming the subject.
 */
const GENERIC_WORDS = new Set(
  (
    "question questions problem problems issue issues help query doubt thing things stuff another bonus " +
    "quick small little simple follow followup follow-up update info idea ideas topic thread message " +
    "discussion request again same other similar sorry weird strange"
  ).split(" "),
);

const AUDIENCE = "all|everyone|everybody|folks|team|guys|there|y'?all|people|friends|community|again";
/** "Hi all", "Hello everyone!", "Hey folks,", "Good morning team", "Hi Bob," (a name then a comma). */
const GREETING = new RegExp(
  `^(?:hi|hello|hey|hiya|howdy|greetings|yo|dear all|good (?:morning|afternoon|evening|day))` +
    `(?:\\s+(?:${AUDIENCE}))?(?:\\s*[!,.:;…—–-]|\\s*$)|^(?:hi|hello|hey)\\s+[^\\s,]+\\s*,`,
  "iu",
);

/** Words with letters or digits; identifiers keep their dots, dashes and underscores ("tester_linux64"). */
export function phraseWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}'’_.+#-]*[\p{L}\p{N}])?/gu) ?? []).map((word) =>
    word.toLowerCase().replace(/’/g, "'"),
  );
}

/** Words that name something: not function words, and not the generic "question", "problem"… */
export function subjectWords(text: string): string[] {
  return phraseWords(text).filter((word) => !FUNCTION_WORDS.has(word) && !GENERIC_WORDS.has(word));
}

export function cutOff(text: string): string | undefined {
  return /(?:…|\.\.\.)\s*[?!]?$/u.test(text) ? "is cut off (ends with an ellipsis)" : undefined;
}

export function danglingEnd(text: string): string | undefined {
  const trimmed = text.trimEnd();
  const mark = /[:,;([{\-–—&/]$/u.exec(trimmed);
  if (mark) return `ends with a dangling "${mark[0]}"`;
  const isQuestion = trimmed.endsWith("?");
  const written = trimmed.replace(/[?!.]+$/u, "").match(/[\p{L}']+$/u)?.[0];
  // "Plan A" names a plan; a lone capital A is no article.
  if (!written || written === "A") return undefined;
  const last = written.toLowerCase();
  if ((isQuestion ? QUESTION_CONNECTORS : CONNECTORS).has(last))
    return `ends on the connector word "${last}"`;
  return undefined;
}

/** "If I have a docstring for my function f": a condition with nothing that follows from it. */
export function loneSubordinateClause(text: string): string | undefined {
  if (!/^(?:if|because|although|though|unless|whereas)\b/iu.test(text.trim())) return undefined;
  return /[,;:?—–]/u.test(text) ? undefined : "is a subordinate clause without its main clause";
}

/** Parentheses and brackets outside code spans, and backticks, must pair up. */
export function unbalanced(text: string): string | undefined {
  const backticks = text.match(/`/g)?.length ?? 0;
  if (backticks % 2 === 1) return "has an unpaired backtick";
  const outsideCode = outsideCodeSpans(text);
  for (const [open, close, name] of [
    ["(", ")", "parentheses"],
    ["[", "]", "square brackets"],
  ] as const) {
    let depth = 0;
    for (const part of outsideCode) {
      for (const char of part) {
        if (char === open) depth++;
        else if (char === close && --depth < 0) return `has unbalanced ${name}`;
      }
    }
    if (depth !== 0) return `has unbalanced ${name}`;
  }
  return undefined;
}

export function greeting(text: string): string | undefined {
  return GREETING.test(text.trim()) ? "starts with a greeting" : undefined;
}

/** Slack markup and entities, which GitLab would show raw: fences, <url|text> links, &amp;. */
export function slackMarkup(text: string): string | undefined {
  if (text.includes("```")) return "holds a code fence";
  if (/<(?:https?:|mailto:|[@#!])[^>]*>/iu.test(text)) return "holds Slack link markup";
  if (/&(?:amp|lt|gt|quot|#\d+);/u.test(text)) return "holds an HTML entity";
  return undefined;
}

/** Markdown that a one-line title shows raw (a list item may hold links and emphasis; a title may not). */
export function markdownMarkup(text: string): string | undefined {
  if (/\[[^\]]*\]\([^)]*\)/u.test(text)) return "holds a Markdown link";
  if (/^\s*(?:#{1,6}\s|>\s|[-*+]\s)/u.test(text)) return "starts with Markdown block markup";
  if (outsideCodeSpans(text).some((part) => /\*\*|__/u.test(part))) return "holds Markdown emphasis markers";
  return undefined;
}

/** The text between code spans (single backticks pair up; the check for pairing comes first). */
function outsideCodeSpans(text: string): string[] {
  return text.split("`").filter((_, i) => i % 2 === 0);
}
