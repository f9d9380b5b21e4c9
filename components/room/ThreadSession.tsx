import { useState } from 'react';
import { countCompactions } from '../../src/activity/index.js';
import { selectLatestUsage, selectPreviousUsage, selectThreadMessages } from '../../stores/chat/index.js';
import { useSessionInfo } from '../../stores/hooks/useSessionInfo.js';
import { currentConfigValue } from '../../stores/session/index.js';
import { useTurn } from '../../stores/hooks/useTurn.js';
import { useChat, useOpenChatStore } from '../../stores/room/index.js';
import { SessionButton } from '../session/SessionButton.js';
import { SessionConfigModal } from '../session/SessionConfigModal.js';
import { formatTime } from '../common/format.js';
import { useWhoName } from '../people/useWhoName.js';
import { WhoLine } from '../people/WhoLine.js';
import { useProjectAccess } from '../projects/project-access.js';
import { useLatestTurnId } from './useLatestTurnId.js';

/** The thread's session button (current mode, model, reasoning, context) and its config modal. */
export function ThreadSession({ threadKey, chatFolder }: { threadKey: string; chatFolder: string }) {
  const chat = useOpenChatStore();
  const [open, setOpen] = useState(false);
  const config = useChat((state) => selectThreadMessages(state, threadKey)[0]?.acp_config);
  const usage = useChat((state) => selectLatestUsage(state, threadKey));
  const previousUsed = useChat((state) => selectPreviousUsage(state, threadKey)?.used ?? null);
  const latest = useTurn(useLatestTurnId(threadKey));
  const { agents, settings } = useSessionInfo();
  const { canWrite } = useProjectAccess();
  const whoName = useWhoName();
  if (!config) return null;
  const changedBy = config.changedBy;
  const note = changedBy ? (
    <WhoLine accountId={changedBy} name={whoName(changedBy)}>
      {whoName(changedBy)} last changed these settings{config.changedAt ? ` at ${formatTime(config.changedAt)}` : ''}.
    </WhoLine>
  ) : undefined;
  const reported = { model: currentConfigValue(latest?.configOptions, 'model'), reasoning: currentConfigValue(latest?.configOptions, 'thought_level') };
  return (
    <>
      <SessionButton
        config={config}
        reported={reported}
        usage={usage ? { used: usage.used, size: usage.size, cost: usage.cost } : null}
        previousUsed={previousUsed}
        compactions={countCompactions(latest)}
        onClick={() => setOpen(true)}
        disabled={!canWrite}
      />
      <SessionConfigModal
        open={open && canWrite}
        note={note}
        agents={agents ?? []}
        settings={settings}
        value={config}
        defaultWorkingDirectory={chatFolder}
        reportedOptions={latest?.configOptions}
        currentSessionId={latest?.sessionId ?? config.sessionId ?? null}
        onCancel={() => setOpen(false)}
        onSave={(next) => {
          chat?.actions.updateThreadConfig(threadKey, next);
          setOpen(false);
        }}
      />
    </>
  );
}
