/** The ephemeral answers of `/async updates …`: what this channel now gets back from GitLab. */
import type { PostBackSettings } from "../../store/store.js";
import type { Answer } from "./async-answers.js";
import { section } from "./block-kit.js";

export function updatesAnswer(settings: PostBackSettings): Answer {
  let text: string;
  if (settings.enabled === true) {
    text =
      ":incoming_envelope: GitLab updates are on in this channel: comments and issue changes (closed, reopened, assigned, labels, milestone) are posted back to the exported threads.";
  } else if (settings.enabled === false) {
    text =
      ":mailbox_closed: GitLab updates are off in this channel: nothing from GitLab is posted back to its threads. Turn them back on with `/async updates on`.";
  } else if (settings.confidentialText === true) {
    text =
      ':lock: In this channel, if it is private, the text of confidential issues and internal comments is posted back. Everyone in the channel will see it. In public channels only "updated" with a link is ever posted. Undo with `/async updates confidential off`.';
  } else {
    text =
      ':lock: Confidential issues and internal comments post only "updated" with a link in this channel, never their text.';
  }
  return { text, blocks: [section(text)] };
}
