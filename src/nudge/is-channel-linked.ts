/**
 * "Linked channel", as the take-async nudge understands it: exports from the channel have a project to go
 * to, because the channel is linked to one or because GITLAB_DEFAULT_PROJECT is set. Kept in one place so
 * that the rule can change (e.g. to require an explicit link) without touching the nudges.
 */
export interface ChannelLinks {
  getChannelLink(teamId: string, channelId: string): Promise<unknown>;
}

export type IsChannelLinked = (teamId: string, channelId: string) => Promise<boolean>;

export function channelLinkCheck(defaultProject: string | undefined, links: ChannelLinks): IsChannelLinked {
  return async (teamId, channelId) => {
    // The default project answers without a store read.
    if (defaultProject) return true;
    return (await links.getChannelLink(teamId, channelId)) !== undefined;
  };
}
