import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { RoomStore } from './room/create-room-store.js';
import type { CodexRuntime } from './runtime/index.js';

const CodexRuntimeContext = createContext<CodexRuntime | null>(null);

/** Puts one runtime (createCodexRuntime) in React context for every component and hook below. */
export function CodexProvider({ runtime, children }: { runtime: CodexRuntime; children: ReactNode }) {
  return <CodexRuntimeContext.Provider value={runtime}>{children}</CodexRuntimeContext.Provider>;
}

/** The runtime of the nearest CodexProvider; throws a clear error outside one. */
export function useCodexRuntime(): CodexRuntime {
  const runtime = useContext(CodexRuntimeContext);
  if (!runtime) throw new Error('[codex-chat] this component needs a <CodexProvider runtime={createCodexRuntime(...)}> above it');
  return runtime;
}

/** The stores of the nearest runtime (the runtime is its own stores record). */
export const useCodexStores = useCodexRuntime;

/** The room store of the nearest runtime. */
export function useRoomStore(): RoomStore {
  return useCodexRuntime().room;
}
