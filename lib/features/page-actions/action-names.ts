/** The actions the dispatcher runs. Zod-free: the popup imports the list. */
export const ACTION_NAMES = ['watch-status', 'watch', 'unwatch'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];
