/**
 * Every callback id, action id and block id threadport's Slack surfaces use, in one place: the views that
 * render them and the listeners that receive them must agree, and test/manifest.test.ts reads them.
 */
export const IDS = {
  /** Message shortcut "Send thread to GitLab" (manifest.yml: features.shortcuts). */
  sendThreadShortcut: "send_thread_to_gitlab",
  /** Slash command (manifest.yml: features.slash_commands). */
  asyncCommand: "/async",
  /** Workflow Builder step "Create GitLab issue", a custom function (manifest.yml: functions). */
  createIssueStep: "create_gitlab_issue",
  view: {
    exportThread: "export_thread_modal",
    newIssue: "new_issue_modal",
    linkChannel: "link_channel_modal",
  },
  action: {
    /** External select of GitLab projects; also dispatches when the choice changes (export modal). */
    project: "project_select",
    /** External select of a project's open issues. */
    issue: "issue_select",
    /** Multi external select of a project's labels. */
    labels: "labels_select",
    mode: "mode_choice",
    title: "title_input",
    description: "description_input",
    recentCount: "recent_count_input",
    options: "options_check",
    /** Button in the "link a project first" message. */
    openLinkModal: "open_link_modal",
  },
  block: {
    project: "project",
    mode: "mode",
    issue: "issue",
    title: "title",
    description: "description",
    recentCount: "recent_count",
    labels: "labels",
    options: "options",
  },
} as const;
