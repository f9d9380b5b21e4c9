import { DesktopOutlined, MoonOutlined, SunOutlined } from '@ant-design/icons';
import { Segmented, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useCodexTheme } from './theme-context.js';
import { isThemePreference } from './theme-preference.js';
import type { ThemePreference } from './theme-preference.js';

// The option's name for screen readers and tests; on screen it is the icon (the header is narrow).
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as const;

function option(value: ThemePreference, icon: ReactNode, name: string, tip: string) {
  return {
    value,
    label: (
      <Tooltip title={tip}>
        <span>
          {icon}
          <span style={VISUALLY_HIDDEN}>{name}</span>
        </span>
      </Tooltip>
    ),
  };
}

const OPTIONS = [
  option('system', <DesktopOutlined aria-hidden />, 'System', 'Follow the system (light or dark)'),
  option('light', <SunOutlined aria-hidden />, 'Light', 'Light theme'),
  option('dark', <MoonOutlined aria-hidden />, 'Dark', 'Dark theme'),
];

/** System / light / dark, for the nearest CodexThemeProvider (which remembers the choice). */
export function ThemeSwitch() {
  const { preference, setPreference } = useCodexTheme();
  return (
    <Segmented
      size="small"
      aria-label="Theme"
      options={OPTIONS}
      value={preference}
      onChange={(value) => {
        if (isThemePreference(value)) setPreference(value);
      }}
    />
  );
}
