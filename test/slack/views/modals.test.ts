import { describe, expect, it } from "vitest";
import { IDS } from "../../../src/slack/interaction-ids.js";
import {
  exportModal,
  exportModalProblem,
  loadingExportModal,
} from "../../../src/slack/views/export-modal.js";
import { projectChoice } from "../../../src/slack/views/form-inputs.js";
import { linkChannelModal } from "../../../src/slack/views/link-channel-modal.js";
import { decodeMetadata, encodeMetadata } from "../../../src/slack/views/modal-metadata.js";
import { newIssueModal } from "../../../src/slack/views/new-issue-modal.js";
import { withProject } from "../../../src/slack/views/with-project.js";
import { blockKitProblems } from "./block-kit-limits.js";

const META = { t: "T0001", c: "C_DESIGN", m: "1732550400.000100", th: "1732550400.000100" };

function exportInput() {
  return {
    meta: { ...META, k: "public_channel" as const, p: "acme/web" },
    channelName: "design-review",
    messageCount: 7,
    project: projectChoice("acme/web", 42),
    title: "Retry GitLab 429s with Retry-After, 4 attempts capped at 30 s",
    confidential: false,
  };
}

describe("the Send to GitLab modal", () => {
  it("opens as a loading view without inputs, within Slack's limits", () => {
    const view = loadingExportModal(META);
    expect(view).toMatchSnapshot();
    expect(blockKitProblems("modal", view)).toEqual([]);
  });

  it("shows project, new issue or comment, issue, title, labels and options", () => {
    const view = exportModal(exportInput());
    expect(view).toMatchSnapshot();
    expect(blockKitProblems("modal", view)).toEqual([]);
    expect(decodeMetadata(view.private_metadata)).toEqual(exportInput().meta);
  });

  it("defaults to a comment on the issue the thread was exported to", () => {
    const view = exportModal({
      ...exportInput(),
      linkedIssue: { iid: 12, title: "Retry policy", reference: "acme/web#12" },
      confidential: true,
    });
    expect(view.blocks[0]).toMatchSnapshot();
    const mode = view.blocks.find((b) => b.block_id === IDS.block.mode) as {
      element: { initial_option: unknown };
    };
    expect(mode.element.initial_option).toMatchObject({ value: "comment" });
    const issue = view.blocks.find((b) => b.block_id === IDS.block.issue) as {
      element: { initial_option: unknown };
    };
    expect(issue.element.initial_option).toEqual({
      text: { type: "plain_text", text: "#12 Retry policy", emoji: true },
      value: "12",
    });
    const options = view.blocks.find((b) => b.block_id === IDS.block.options) as {
      element: { initial_options: { value: string }[] };
    };
    expect(options.element.initial_options.map((o) => o.value)).toEqual(["confidential", "transcript"]);
  });

  it("stays within Slack's limits with a very long channel name, title and issue title", () => {
    const view = exportModal({
      ...exportInput(),
      channelName: "c".repeat(80),
      title: "t".repeat(400),
      linkedIssue: { iid: 123456, title: "i".repeat(300), reference: `${"g/".repeat(60)}p#123456` },
    });
    expect(blockKitProblems("modal", view)).toEqual([]);
  });

  it("explains in the modal when the thread cannot be read", () => {
    const view = exportModalProblem(META, ":warning: I'm not a member of this channel.");
    expect(view).toMatchSnapshot();
    expect(blockKitProblems("modal", view)).toEqual([]);
  });

  it("empties the issue and labels pickers and remembers the project when the project changes", () => {
    const before = exportModal({
      ...exportInput(),
      linkedIssue: { iid: 3, title: "Old", reference: "acme/web#3" },
    });
    const meta = { ...exportInput().meta, p: "acme/api", r: 1 };
    const after = withProject(before, meta, { value: "acme/api", label: "acme/api" });
    expect(after.blocks.map((b) => b.block_id)).toEqual([
      undefined,
      "project",
      "mode",
      "issue.1",
      "title",
      "labels.1",
      "options",
    ]);
    const issue = after.blocks[3] as { element: { initial_option?: unknown } };
    expect(issue.element.initial_option).toBeUndefined();
    expect(after.blocks[4]).toBe(before.blocks[4]);
    expect(decodeMetadata(after.private_metadata)).toEqual(meta);
    expect(blockKitProblems("modal", after)).toEqual([]);
  });
});

describe("the /async issue modal", () => {
  it("prefills title and description and offers the channel's latest messages", () => {
    const view = newIssueModal({
      meta: { t: "T0001", c: "C_DESIGN", k: "public_channel", p: "acme/web" },
      channelName: "design-review",
      project: projectChoice("acme/web"),
      title: "Checkout fails for EU cards",
      description: "Seen by three customers since Monday.",
      confidential: false,
    });
    expect(view).toMatchSnapshot();
    expect(blockKitProblems("modal", view)).toEqual([]);
  });

  it("stays within limits with a description longer than Slack accepts", () => {
    const view = newIssueModal({
      meta: { t: "T0001", c: "G_SECRET", k: "private_channel" },
      channelName: "incident-war-room",
      title: "x".repeat(300),
      description: "y".repeat(5000),
      confidential: true,
    });
    expect(blockKitProblems("modal", view)).toEqual([]);
  });
});

describe("the link modal", () => {
  it("asks for the project and says the waiting export follows", () => {
    const view = linkChannelModal({ t: "T0001", c: "C_DESIGN", m: "1732550400.000100" }, "design-review");
    expect(view).toMatchSnapshot();
    expect(blockKitProblems("modal", view)).toEqual([]);
  });
});

describe("modal metadata", () => {
  it("refuses metadata that is not threadport's", () => {
    expect(decodeMetadata("not json")).toBeUndefined();
    expect(decodeMetadata(JSON.stringify({ t: 1 }))).toBeUndefined();
    expect(decodeMetadata(undefined)).toBeUndefined();
  });

  it("refuses to write more than Slack keeps", () => {
    expect(() => encodeMetadata({ t: "T", c: "C", p: "x".repeat(3000) })).toThrow(/3000/);
  });
});

describe("blockKitProblems", () => {
  it("finds views Slack would refuse", () => {
    const problems = blockKitProblems("modal", {
      type: "modal",
      title: { type: "plain_text", text: "A title far longer than twenty-four" },
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } },
        {
          type: "input",
          block_id: "a",
          label: { type: "plain_text", text: "A" },
          element: { type: "plain_text_input", action_id: "same" },
        },
        {
          type: "input",
          block_id: "a",
          label: { type: "plain_text", text: "B" },
          element: { type: "plain_text_input", action_id: "same" },
        },
      ],
    });
    expect(problems).toEqual([
      "view.title: 35 characters, more than 24",
      "modal with inputs but no submit button",
      "blocks[0] (section).text: 3001 characters, more than 3000",
      'block_id "a" is used twice',
      'action_id "same" is used twice',
    ]);
  });
});
