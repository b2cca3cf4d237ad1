/** What replaces a secret. */
export const REDACTED = "[redacted]";

/**
 * Patterns for secrets people paste into Slack. The secret itself is replaced; a named group `keep`
 * (before it) or `tail` (after it) is kept so the reader still sees what kind of secret was there.
 * Every pattern starts with a fixed prefix and has no nested repetition, so hostile input stays fast.
 * Token prefixes may follow "_" (Slack's italics), so they start after any character that is not a
 * letter or digit, rather than at a word boundary.
 */
const SECRET_PATTERNS: RegExp[] = [
  // Slack bot, user, app-level, refresh and rotating tokens.
  /(?<![A-Za-z0-9])(?:xox[abposr]|xoxe(?:\.xox[a-z])?|xapp)-[A-Za-z0-9-]{8,}/g,
  // The secret last segment of a Slack incoming-webhook or workflow URL; the ids before it stay.
  /(?<keep>\bhooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/(?:[A-Za-z0-9_]+\/)+)[A-Za-z0-9_]{8,}/g,
  // GitLab tokens by their documented prefixes (routable runner tokens have dot-separated parts).
  /(?<![A-Za-z0-9])(?:glpat|gloas|gldt|glrtr?|glcbt|glptt|glft|glimt|glagent|glwt|glsoat|glffct)-[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]+)*/g,
  /(?<![A-Za-z0-9])GR1348941[A-Za-z0-9_-]{8,}/g,
  /(?<keep>\b_gitlab_session=)[A-Za-z0-9]{8,}/g,
  // GitHub personal, OAuth, app and refresh tokens.
  /(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
  // OpenAI-style keys (sk-…, sk-proj-…); real keys always contain a digit, product names rarely do.
  /(?<![A-Za-z0-9])sk-(?=[A-Za-z0-9_-]{0,200}\d)[A-Za-z0-9_-]{20,}/g,
  // AWS access key ids, and secret keys written after their name.
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  /(?<keep>\b(?:aws_?secret_?access_?key|secretAccessKey)["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/gi,
  // Google API keys.
  /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
  // JSON Web Tokens (header.payload.signature, both JSON parts start with "eyJ").
  /(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  // A password in a URL (scheme://user:password@host): the user stays, the last @ ends the password.
  /(?<keep>\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@<>|"']*:)[^\s/<>|"']+(?<tail>@)/gi,
  // Authorization headers and bearer tokens. Credentials have a digit or length; "bearer of news" not.
  /(?<keep>\bAuthorization\s*:\s*(?:Bearer|Basic|Token|Digest)?\s*)(?=[\w.~+/=-]{0,500}\d|[\w.~+/=-]{20})[\w.~+/=-]{8,}/gi,
  /(?<keep>\bbearer\s+)(?=[A-Za-z0-9._~+/-]{0,500}\d)[A-Za-z0-9._~+/-]{8,}=*/gi,
  /(?<keep>\b(?:PRIVATE|JOB)-TOKEN\s*:\s*)[A-Za-z0-9_.-]{8,}/gi,
];

/** A service-account JSON key's whole private_key value (a PEM block with \n escapes); runs first. */
const PRIVATE_KEY_JSON = /(?<keep>"private_key"\s*:\s*")(?:[^"\\\n]|\\.)+(?<tail>")/g;

const PEM_BEGIN = /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY-----/g;
const PEM_END = /-----END[A-Z0-9 ]{0,40}PRIVATE KEY-----/g;
/** Anything that cannot be part of a PEM body (base64, headers, newlines, JSON's \n escapes). */
const PEM_BODY_BREAK = /[^A-Za-z0-9+/=\s\\:,.-]/g;
const PEM_LINE = /^(?:[A-Za-z0-9+/=]{16,}|Proc-Type:.*|DEK-Info:.*)$/;

/**
 * Replaces secrets (Slack, GitLab, GitHub, OpenAI, AWS and Google keys, private keys, passwords in URLs,
 * bearer tokens) with "[redacted]". Ordinary words, commit SHAs, UUIDs and Slack timestamps stay.
 */
export function redactSecrets(
  text: string,
  replacement: string = REDACTED,
): { text: string; redactions: number } {
  let redactions = 0;
  const replace = (input: string, pattern: RegExp) =>
    input.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const last = args[args.length - 1]; // the named groups, when the pattern has any
      const groups = (typeof last === "object" && last !== null ? last : {}) as Record<
        string,
        string | undefined
      >;
      const keep = groups.keep ?? "";
      const tail = groups.tail ?? "";
      const secret = match.slice(keep.length, match.length - tail.length);
      if (secret === REDACTED || secret === replacement) return match;
      redactions++;
      return keep + replacement + tail;
    });
  const pem = redactPrivateKeys(replace(text, PRIVATE_KEY_JSON), replacement);
  redactions += pem.redactions;
  return { text: SECRET_PATTERNS.reduce(replace, pem.text), redactions };
}

/**
 * PEM private key blocks, BEGIN through END. A block without its END (a truncated paste) loses its
 * BEGIN line and the base64 lines that follow. Written as a scan, not one regex, to stay linear.
 */
function redactPrivateKeys(text: string, replacement: string): { text: string; redactions: number } {
  let out = "";
  let emitted = 0;
  let redactions = 0;
  let end: RegExpExecArray | null | undefined;
  let bodyBreak = -1;
  PEM_BEGIN.lastIndex = 0;
  for (let begin = PEM_BEGIN.exec(text); begin; begin = PEM_BEGIN.exec(text)) {
    const bodyStart = begin.index + begin[0].length;
    if (end !== null && (end === undefined || end.index < bodyStart)) {
      PEM_END.lastIndex = bodyStart;
      end = PEM_END.exec(text);
    }
    if (bodyBreak < bodyStart) {
      PEM_BODY_BREAK.lastIndex = bodyStart;
      bodyBreak = PEM_BODY_BREAK.exec(text)?.index ?? text.length;
    }
    const stop = end && end.index <= bodyBreak ? end.index + end[0].length : unterminatedEnd(text, bodyStart);
    out += text.slice(emitted, begin.index) + replacement;
    emitted = stop;
    redactions++;
    PEM_BEGIN.lastIndex = stop;
  }
  return { text: out + text.slice(emitted), redactions };
}

/** Where a PEM block without END ends: after the base64-looking lines that follow its BEGIN line. */
function unterminatedEnd(text: string, bodyStart: number): number {
  const lineEnd = (from: number) => (text.indexOf("\n", from) + 1 || text.length + 1) - 1;
  let stop = lineEnd(bodyStart);
  if (!/^[A-Za-z0-9+/=\s\\]*$/.test(text.slice(bodyStart, stop))) return bodyStart;
  while (stop < text.length) {
    const next = lineEnd(stop + 1);
    if (!PEM_LINE.test(text.slice(stop + 1, next).trim())) break;
    stop = next;
  }
  return stop;
}
