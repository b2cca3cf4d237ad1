import { describe, expect, it } from "vitest";
import { appHomeView } from "../../../src/slack/views/app-home.js";
import {
  exportRefusedAnswer,
  exportStartedAnswer,
  helpAnswer,
  linkedAnswer,
  linkRefusedAnswer,
  nudgesAnswer,
  statusAnswer,
  unlinkedAnswer,
  usageAnswer,
} from "../../../src/slack/views/async-answers.js";
import { fitLines, mrkdwnLink, truncate } from "../../../src/slack/views/block-kit.js";
import { issueUnfurlBlocks } from "../../../src/slack/views/issue-unfurl.js";
import { linkProjectPrompt, parseLinkButtonValue } from "../../../src/slack/views/link-project-prompt.js";
import type { ChannelLink, RecentExport } from "../../../src/store/store.js";
import { blockKitProblems } from "./block-kit-limits.js";

const GITLAB = "https://gitlab.example.com";
const LINKED_AT = Date.UTC(2025, 0, 6, 9, 0, 0);

function aLink(channelId: string, projectPath: string): ChannelLink {
  return { teamId: "T0001", channelId, projectPath, projectId: 42, linkedBy: "U_ALICE", linkedAt: LINKED_AT };
}

function anExport(iid: number, title: string, channelId = "C_DESIGN"): RecentExport {
  return {
    teamId: "T0001",
    channelId,
    threadTs: `1732550400.00010${iid % 10}`,
    projectPath: "acme/web",
    projectId: 42,
    issueIid: iid,
    issueUrl: `${GITLAB}/acme/web/-/issues/${iid}`,
    issueTitle: title,
    lastExportedTs: "1732550500.000100",
    exportedAt: LINKED_AT + iid * 60_000,
  };
}

describe("the App Home tab", () => {
  it("shows how to use threadport, the linked channels and the last exports", () => {
    const view = appHomeView({
      links: [aLink("C_DESIGN", "acme/web"), aLink("G_SECRET", "acme/security")],
      exports: [
        anExport(12, "Retry GitLab 429s with <Retry-After> & a cap"),
        anExport(11, "Runbook location"),
      ],
      defaultProject: "acme/support",
      gitlabUrl: GITLAB,
      reactions: ["memo", "inbox_tray"],
    });
    expect(view).toMatchSnapshot();
    expect(blockKitProblems("home", view)).toEqual([]);
  });

  it("says what to do when nothing is linked or exported yet and there is no default project", () => {
    const view = appHomeView({ links: [], exports: [], gitlabUrl: GITLAB, reactions: ["memo"] });
    expect(view).toMatchSnapshot();
  });

  it("stays within Slack's limits with hundreds of links and long titles", () => {
    const view = appHomeView({
      links: Array.from({ length: 300 }, (_, i) => aLink(`C${i}`, `group-${i}/${"p".repeat(100)}`)),
      exports: Array.from({ length: 100 }, (_, i) => anExport(i, "t".repeat(400))),
      gitlabUrl: GITLAB,
      reactions: ["memo"],
    });
    expect(blockKitProblems("home", view)).toEqual([]);
    const linked = view.blocks[5] as { text: { text: string } };
    expect(linked.text.text).toMatch(/…and \d+ more$/);
  });
});

describe("issue link previews", () => {
  it("show the title, state, labels and assignees", () => {
    const blocks = issueUnfurlBlocks({
      projectId: 42,
      iid: 12,
      title: "Retry GitLab 429s <with> Retry-After",
      webUrl: `${GITLAB}/acme/web/-/issues/12`,
      reference: "acme/web#12",
      state: "opened",
      labels: ["bug", "backend"],
      assignees: ["Alice Martin", "Bob Okafor"],
      confidential: false,
    });
    expect(blocks).toMatchSnapshot();
    expect(blockKitProblems("message", blocks)).toEqual([]);
  });

  it("show a closed issue without labels or assignees", () => {
    const blocks = issueUnfurlBlocks({
      projectId: 42,
      iid: 3,
      title: "Old",
      webUrl: `${GITLAB}/acme/web/-/issues/3`,
      reference: "acme/web#3",
      state: "closed",
      labels: [],
      assignees: [],
      confidential: false,
    });
    expect((blocks[1] as { elements: { text: string }[] }).elements[0]!.text).toBe(
      ":white_circle: Closed · Labels: none · Assignees: nobody",
    );
  });
});

describe("the link-a-project prompt", () => {
  it("carries the channel and the waiting message in its button", () => {
    const blocks = linkProjectPrompt(":warning: This channel is not linked.", {
      c: "C_DESIGN",
      m: "1.000100",
    });
    expect(blocks).toMatchSnapshot();
    expect(blockKitProblems("message", blocks)).toEqual([]);
    const button = (blocks[1] as { elements: { value: string }[] }).elements[0]!;
    expect(parseLinkButtonValue(button.value)).toEqual({ c: "C_DESIGN", m: "1.000100" });
    expect(parseLinkButtonValue("garbage")).toBeUndefined();
  });
});

describe("/async answers", () => {
  const answers = {
    help: helpAnswer(),
    unknown: helpAnswer("frobnicate"),
    usage: usageAnswer("`/async link group/project`", "Tell me which project, e.g. `/async link acme/web`."),
    statusLinked: statusAnswer({
      channelId: "C_DESIGN",
      link: aLink("C_DESIGN", "acme/web"),
      nudges: false,
      exports: [anExport(12, "Retry policy"), anExport(11, "Runbook")],
      gitlabUrl: GITLAB,
    }),
    statusDefault: statusAnswer({
      channelId: "C_DESIGN",
      defaultProject: "acme/support",
      exports: [],
      gitlabUrl: GITLAB,
    }),
    statusNothing: statusAnswer({
      channelId: "C_DESIGN",
      exports: [],
      gitlabUrl: GITLAB,
      nudgesOnByDefault: false,
    }),
    linked: linkedAnswer(aLink("C_DESIGN", "acme/web"), aLink("C_DESIGN", "acme/old"), GITLAB),
    refused: linkRefusedAnswer("`acme/archived` is archived, so no issues can be filed there."),
    unlinked: unlinkedAnswer(aLink("C_DESIGN", "acme/web"), undefined),
    notLinked: unlinkedAnswer(undefined, "acme/support"),
    nudgesOn: nudgesAnswer(true),
    nudgesOff: nudgesAnswer(false),
    started: exportStartedAnswer("`acme/web`"),
    exportRefused: exportRefusedAnswer("you are not a member of <#C_OUTSIDE>."),
  };

  it.each(Object.entries(answers))("%s is shown in full and fits Slack's limits", (name, answer) => {
    expect(answer).toMatchSnapshot(name);
    expect(blockKitProblems("message", answer.blocks)).toEqual([]);
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it("never lets a typed word mention anyone", () => {
    expect(helpAnswer("<!channel>").text).toContain("&lt;!channel&gt;");
  });
});

describe("block-kit text helpers", () => {
  it("cuts text with an ellipsis, never inside a surrogate pair", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(truncate("abc", 3)).toBe("abc");
  });

  it("keeps link labels from breaking out of the link", () => {
    expect(mrkdwnLink("https://x.test/a", "a|b <c>")).toBe("<https://x.test/a|a¦b &lt;c&gt;>");
  });

  it("fits lines into a limit and counts the rest", () => {
    expect(fitLines(["aaaa", "bbbb", "cccc"], 20)).toBe("aaaa\n…and 2 more");
    expect(fitLines(["aa", "bb"], 20)).toBe("aa\nbb");
  });
});
