import { BellFilled, BellOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { desktopNotificationsOn, notificationsSupported, writeNotificationSwitch } from './notification-setting.js';

/**
 * The header's bell: turns desktop notifications on (asking the browser's permission, on this click
 * only, when it was never asked) or off; the choice is remembered in this browser.
 */
export function NotificationToggle() {
  const [on, setOn] = useState(desktopNotificationsOn);
  const [problem, setProblem] = useState<string | null>(null);
  const supported = notificationsSupported();

  const toggle = async () => {
    if (on) {
      writeNotificationSwitch(false);
      setOn(false);
      return;
    }
    const permission = window.Notification.permission === 'default' ? await window.Notification.requestPermission() : window.Notification.permission;
    if (permission !== 'granted') {
      setProblem('The browser blocks notifications for this page: allow them in its site settings.');
      return;
    }
    writeNotificationSwitch(true);
    setProblem(null);
    setOn(true);
  };

  const tip = !supported ? 'This browser has no desktop notifications' : (problem ?? (on ? 'Desktop notifications on: click to turn off' : 'Notify me when a turn waits, finishes or fails while this tab is hidden'));
  return (
    <Tooltip title={tip}>
      <Button
        type="text"
        icon={on ? <BellFilled /> : <BellOutlined />}
        aria-label="Desktop notifications"
        aria-pressed={on}
        disabled={!supported}
        onClick={() => void toggle()}
      />
    </Tooltip>
  );
}
