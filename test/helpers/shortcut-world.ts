/** A world for the "Send thread to GitLab" tests: extra GitLab projects, and opening the modal on a thread. */
import { ACCESS } from "../fakes/fake-gitlab.js";
import { CHANNELS, seedPeopleAndChannels } from "./conversations.js";
import { messageShortcut, type OpenView, postInteraction, waitFor } from "./surface-payloads.js";
import { GITLAB_BOT_USER, startWorld, type World } from "./world.js";

/** Reporter, with labels. Also: acme/guest-only (Guest), acme/archived, other/secret (not a member). */
export const API = { id: 43, path: "acme/api" };

export function startShortcutWorld(): Promise<World> {
  return startWorld({
    seed: (slack, gitlab) => {
      seedPeopleAndChannels(slack);
      const as = (level: number) => ({ [GITLAB_BOT_USER.id]: level });
      gitlab.addProject({
        id: API.id,
        path_with_namespace: API.path,
        members: as(ACCESS.reporter),
        labels: ["backend", "bug", "ui"],
      });
      gitlab.addProject({ id: 44, path_with_namespace: "acme/guest-only", members: as(ACCESS.guest) });
      gitlab.addProject({
        id: 45,
        path_with_namespace: "acme/archived",
        archived: true,
        members: as(ACCESS.reporter),
      });
      gitlab.addProject({ id: 46, path_with_namespace: "other/secret" });
    },
  });
}

/** Uses the shortcut on the thread's parent and waits until the bot has filled the modal in. */
export async function openExportModal(
  world: World,
  parent: string,
  channel = CHANNELS.public,
): Promise<OpenView> {
  const before = world.slack.callsTo("views.update").length;
  const response = await postInteraction(
    world.bot,
    messageShortcut({
      channel: { id: channel.id, name: channel.name },
      message: { ts: parent, text: "parent", user: "U_ALICE" },
      slackUrl: world.slack.url,
    }),
  );
  if (response.status !== 200) throw new Error(`the bot answered the shortcut with ${response.status}`);
  await waitFor(() => world.slack.callsTo("views.update").length > before, "the modal to be filled in");
  return world.slack.openViews().at(-1) as OpenView;
}

/** The block whose id starts with `id` (project-specific blocks carry a round suffix, e.g. "issue.1"). */
export function blockOf(view: OpenView, id: string) {
  return (view.blocks as { block_id?: string; element?: Record<string, unknown> }[]).find((b) =>
    b.block_id?.startsWith(id),
  )!;
}
