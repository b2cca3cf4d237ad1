/** App Home: rebuilt each time someone opens the Home tab. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { appHomeView } from "../views/app-home.js";

type Args = SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs;

/** How many links and exports the Home tab lists (each list stays within one 3,000-character section). */
export const HOME_LINKS = 20;
export const HOME_EXPORTS = 10;

export function appHomeOpenedListener(deps: SurfaceDeps) {
  return async ({ event, body, client }: Args): Promise<void> => {
    // The Messages tab sends the same event; only the Home tab has a view to build.
    if (event.tab !== "home") return;
    const teamId = body.team_id;
    try {
      const [links, exports] = await Promise.all([
        deps.store.listChannelLinks(teamId),
        deps.store.listRecentExports(teamId, { limit: HOME_EXPORTS }),
      ]);
      const view = appHomeView({
        links: links.slice(0, HOME_LINKS),
        exports,
        defaultProject: deps.defaultProject,
        gitlabUrl: deps.gitlabUrl,
        reactions: deps.exportReactions,
      });
      await client.views.publish({ user_id: event.user, view });
    } catch (caught) {
      deps.log.warn({ code: asThreadportError(caught).code, teamId }, "could not publish the Home tab");
    }
  };
}
