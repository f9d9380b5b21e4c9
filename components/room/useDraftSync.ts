import { useEffect, useRef, useState } from 'react';

const SAVE_DELAY_MS = 400;
const TYPING_SHOWN_MS = 8_000;

/**
 * The composer text, kept in the document's draft: saved shortly after typing stops (and on
 * unmount), taken over when another tab changes the draft while this one has no unsaved edit,
 * and `typingElsewhere` for a few seconds after such a change.
 */
export function useDraftSync(draft: { input: string } | undefined, save: (text: string) => void) {
  const remoteInput = draft?.input ?? '';
  const [text, setTextState] = useState(remoteInput);
  // What the document holds as far as this tab knows: written by us, or seen from elsewhere.
  const [written, setWritten] = useState(remoteInput);
  const [seenRemote, setSeenRemote] = useState(remoteInput);
  const [remoteEdits, setTypingSince] = useState<number | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ text, written, save });

  if (remoteInput !== seenRemote) {
    setSeenRemote(remoteInput);
    if (remoteInput !== written) {
      setWritten(remoteInput);
      if (text === written) setTextState(remoteInput);
      if (remoteInput !== '') setTypingSince((count) => (count ?? 0) + 1);
    }
  }

  useEffect(() => {
    latest.current = { text, written, save };
  });
  useEffect(() => {
    if (remoteEdits === null) return;
    const timer = setTimeout(() => setTypingSince(null), TYPING_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [remoteEdits]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
      const { text: last, written: stored, save: write } = latest.current;
      if (last !== stored) write(last);
    },
    [],
  );

  const setText = (value: string, options: { save?: boolean } = {}) => {
    setTextState(value);
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    if (options.save === false) {
      setWritten(value); // sending clears the draft in the document itself
      // Sending a new thread's first message unmounts this composer in the same render; the
      // unmount save must not see the sent text as an unsaved edit and write it back.
      latest.current = { ...latest.current, text: value, written: value };
      return;
    }
    pending.current = setTimeout(() => {
      pending.current = null;
      setWritten(value);
      latest.current.save(value);
    }, SAVE_DELAY_MS);
  };

  return { text, setText, typingElsewhere: remoteEdits !== null };
}
