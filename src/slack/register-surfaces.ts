/**
 * Registers threadport's Slack surfaces on the Bolt app: the message shortcut and its modal, external select
 * options, `/async`, the link modal, App Home, issue-link unfurls and the Workflow Builder step. Every id comes
 * from interaction-ids.ts.
 */
import type { App } from "@slack/bolt";
import { IDS } from "./interaction-ids.js";
import { appHomeOpenedListener } from "./listeners/app-home-opened.js";
import { asyncCommandListener } from "./listeners/async-command.js";
import { createIssueStepListener } from "./listeners/create-issue-step.js";
import { exportModalSubmittedListener } from "./listeners/export-modal-submitted.js";
import { issueOptionsListener } from "./listeners/issue-options.js";
import { labelOptionsListener } from "./listeners/label-options.js";
import { linkButtonClickedListener } from "./listeners/link-button-clicked.js";
import { linkModalSubmittedListener } from "./listeners/link-modal-submitted.js";
import { linkSharedListener } from "./listeners/link-shared.js";
import { modalProjectChangedListener } from "./listeners/modal-project-changed.js";
import { newIssueSubmittedListener } from "./listeners/new-issue-submitted.js";
import { projectOptionsListener } from "./listeners/project-options.js";
import { sendThreadShortcutListener } from "./listeners/send-thread-shortcut.js";
import type { SurfaceDeps } from "./surface-deps.js";

export function registerSurfaces(
  app: App,
  deps: SurfaceDeps & { claimEvent(eventId: string): Promise<boolean> },
): void {
  app.shortcut(IDS.sendThreadShortcut, sendThreadShortcutListener(deps));
  app.view(IDS.view.exportThread, exportModalSubmittedListener(deps));
  app.view(IDS.view.newIssue, newIssueSubmittedListener(deps));
  app.view(IDS.view.linkChannel, linkModalSubmittedListener(deps));
  app.options(IDS.action.project, projectOptionsListener(deps));
  app.options(IDS.action.issue, issueOptionsListener(deps));
  app.options(IDS.action.labels, labelOptionsListener(deps));
  app.action(IDS.action.project, modalProjectChangedListener(deps));
  app.action(IDS.action.openLinkModal, linkButtonClickedListener(deps));
  app.command(IDS.asyncCommand, asyncCommandListener(deps));
  app.event("app_home_opened", appHomeOpenedListener(deps));
  app.event("link_shared", linkSharedListener(deps));
  app.function(IDS.createIssueStep, createIssueStepListener(deps));
}
