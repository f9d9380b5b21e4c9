import { Modal } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { SessionConfigForm } from './SessionConfigForm.js';
import type { SessionConfigFormProps } from './SessionConfigForm.js';

/**
 * The session-config modal. Its form is rebuilt from the current props every time it opens (and when
 * the saved config changes), so it always starts from the thread's current values. Nothing is mounted
 * before its first opening: antd's Modal registers its styles and portal even while closed, and the
 * "New agent thread" button and an agent thread's header each hold one on the first screen.
 */
export function SessionConfigModal({ open, note, ...formProps }: SessionConfigFormProps & { open: boolean; /** Above the form: who last changed the config. */ note?: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  const resetKey = open ? JSON.stringify([formProps.value, formProps.defaultWorkingDirectory]) : 'closed';
  if (!opened) return null;
  return (
    <Modal open={open} title="Agent session" footer={null} onCancel={formProps.onCancel} width={720} destroyOnHidden>
      {open ? note : null}
      {open ? <SessionConfigForm key={resetKey} {...formProps} /> : null}
    </Modal>
  );
}
