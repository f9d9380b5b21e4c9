// jsdom has no Notification API (a browser API): a stand-in that records what the page shows, with
// the permission the test sets. The e2e spec covers the real one in Chromium.
export type ShownNotification = { title: string; options: NotificationOptions | undefined; onclick: (() => void) | null; closed: boolean };

export function installFakeNotification(permission: NotificationPermission = 'default') {
  const shown: ShownNotification[] = [];
  const state = { permission, requests: 0 };
  class FakeNotification {
    static get permission() {
      return state.permission;
    }
    static async requestPermission() {
      state.requests += 1;
      state.permission = 'granted';
      return state.permission;
    }
    readonly record: ShownNotification;
    constructor(title: string, options?: NotificationOptions) {
      this.record = { title, options, onclick: null, closed: false };
      shown.push(this.record);
    }
    set onclick(handler: (() => void) | null) {
      this.record.onclick = handler;
    }
    close() {
      this.record.closed = true;
    }
  }
  Object.defineProperty(window, 'Notification', { configurable: true, writable: true, value: FakeNotification });
  return { shown, state, uninstall: () => Reflect.deleteProperty(window, 'Notification') };
}

/** Pretends the page is hidden or visible (jsdom's is always visible), telling listeners as a browser does. */
export function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
