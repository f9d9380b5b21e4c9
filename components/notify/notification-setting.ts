// The desktop-notification switch, remembered per browser. Off until the user turns it on (the
// permission prompt only ever follows that click), and off again whenever they say so.
const STORAGE_KEY = 'codex-chat:desktop-notifications';

/** Whether this browser has the Notification API at all (jsdom, old or insecure pages do not). */
export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.Notification === 'function';
}

/** The user's switch (storage that throws, e.g. blocked cookies, reads as off). */
export function readNotificationSwitch(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function writeNotificationSwitch(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered: the switch still holds for this page.
  }
}

/** Notifications are shown: supported, switched on, and permitted by the browser. */
export function desktopNotificationsOn(): boolean {
  return notificationsSupported() && readNotificationSwitch() && window.Notification.permission === 'granted';
}
