import { makeSafeForGitLab } from "../gitlab/make-safe-for-gitlab.js";
import { redactSecrets } from "./redact-secrets.js";

/**
 * Text a person wrote (a form, a workflow step) as GitLab may receive it: secrets redacted, and nothing that
 * runs a quick action, pings anyone or cross-links an issue. The same pass as exported threads.
 */
export function safeWrittenText(text: string): string {
  return makeSafeForGitLab(redactSecrets(text.trim()).text);
}
