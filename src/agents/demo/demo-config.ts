import type { SessionConfigOption, SessionModeState } from '@agentclientprotocol/sdk';

/** The demo agent's modes: the three execution modes of the UI, under their own ids. */
export const DEMO_MODES: SessionModeState['availableModes'] = [
  { id: 'read-only', name: 'Read-only', description: 'Asks before every write.' },
  { id: 'workspace-write', name: 'Workspace access', description: 'Asks before every write (it is a demo).' },
  { id: 'full-access', name: 'Full access', description: 'Asks before every write (it is a demo).' },
];

/** The demo's config options as it reports them, with the current values of one session. */
export function demoConfigOptions(values: Record<string, string>): SessionConfigOption[] {
  return [
    {
      id: 'mode',
      name: 'Mode',
      category: 'mode',
      type: 'select',
      currentValue: values.mode ?? 'workspace-write',
      options: DEMO_MODES.map((mode) => ({ value: mode.id, name: mode.name })),
    },
    {
      id: 'model',
      name: 'Model',
      category: 'model',
      type: 'select',
      currentValue: values.model ?? 'demo-fast',
      options: [
        { value: 'demo-fast', name: 'Demo fast' },
        { value: 'demo-thorough', name: 'Demo thorough' },
      ],
    },
    {
      id: 'reasoning_effort',
      name: 'Reasoning effort',
      category: 'thought_level',
      type: 'select',
      currentValue: values.reasoning_effort ?? 'medium',
      options: ['low', 'medium', 'high'].map((value) => ({ value, name: value })),
    },
  ];
}

/** Default config values of a new session. */
export const DEMO_DEFAULT_VALUES: Record<string, string> = {
  mode: 'workspace-write',
  model: 'demo-fast',
  reasoning_effort: 'medium',
};
