/** The "Link a GitLab project" button: opens the link modal for that channel. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { linkChannelModal } from "../views/link-channel-modal.js";
import { parseLinkButtonValue } from "../views/link-project-prompt.js";

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function linkButtonClickedListener(deps: SurfaceDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const value = parseLinkButtonValue(action.value);
    const teamId = body.team?.id ?? body.user.team_id;
    if (!value || !teamId) return;
    const channelName = body.channel?.name ?? value.c;
    const meta = { t: teamId, c: value.c, ...(value.m ? { m: value.m } : {}) };
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: linkChannelModal(meta, channelName) });
    } catch (caught) {
      deps.log.warn({ code: asThreadportError(caught).code }, "could not open the link modal");
    }
  };
}
