import { describe, expect, it } from "vitest";
import { toThreadMessage, withoutReactionsBy } from "../../src/slack/slack-shapes.js";

describe("reactions on thread messages", () => {
  const api = {
    type: "message",
    ts: "1700000000.000100",
    user: "U_ALICE",
    text: "Let's ship on Monday.",
    reactions: [
      { name: "white_check_mark", users: ["U_BOB", "UBOT"], count: 2 },
      { name: "eyes", users: ["UBOT"], count: 1 },
    ],
  };

  it("keeps each reaction's name and who reacted", () => {
    expect(toThreadMessage(api).reactions).toEqual([
      { name: "white_check_mark", users: ["U_BOB", "UBOT"] },
      { name: "eyes", users: ["UBOT"] },
    ]);
    expect(toThreadMessage({ ...api, reactions: undefined })).not.toHaveProperty("reactions");
  });

  it("leaves out the reactions threadport added itself", () => {
    expect(withoutReactionsBy(toThreadMessage(api), "UBOT").reactions).toEqual([
      { name: "white_check_mark", users: ["U_BOB"] },
    ]);
    const onlyBot = { ...api, reactions: [{ name: "white_check_mark", users: ["UBOT"], count: 1 }] };
    expect(withoutReactionsBy(toThreadMessage(onlyBot), "UBOT")).not.toHaveProperty("reactions");
  });
});
