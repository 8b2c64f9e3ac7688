/**
 * A project of one button whose clicks count in its context, shared by the unit tests and the
 * e2e tests (observe-page.ts) that watch messages, epochs and time travel.
 */
export const counterView = {
  tag: 'button',
  bindings: { text: { $concat: ['Clicks: ', { $string: { $: 'context.clicks' } }] } },
  events: {
    click: {
      event: '@input/updateContext',
      payload: { clicks: { $add: [{ $: 'context.clicks' }, 1] } },
    },
  },
}

/** A project file of one counter (counterView) whose epochs fill after three clicks. */
export function epochCounterProject(name: string) {
  return {
    troupe: 1,
    name,
    root: 'counter',
    settings: { epochSize: 3 },
    actors: {
      counter: {
        role: 'counter',
        context: { visible: true, clicks: 0 },
        view: counterView,
        subscriptions: ['counter'],
        children: [],
        dependencies: {},
      },
    },
  }
}
