import { Alert, Button, Flex, Input } from 'antd';
import { useId, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { applyComposerPick, findComposerTrigger } from '../../stores/room/index.js';
import type { ComposerTrigger, FileMatches, ImageAttachment, OutgoingMessage } from '../../stores/room/index.js';
import { AttachmentChips } from './AttachmentChips.js';
import { readImageFile } from './read-image-file.js';
import { SuggestionList } from './SuggestionList.js';
import type { Suggestion } from './SuggestionList.js';
import { useComposerSuggestions } from './useComposerSuggestions.js';
import { useDraftSync } from './useDraftSync.js';
import { useTextareaAutoGrow } from './useTextareaAutoGrow.js';
import './composer-input.css';

export type ComposerProps = {
  /** The saved draft (from the document), shown on open and followed when another tab edits it. */
  draft: { input: string; active?: number } | undefined;
  onDraftChange: (text: string) => void;
  onSend: (message: OutgoingMessage) => void;
  commands: Suggestion[];
  searchFiles: (query: string) => Promise<FileMatches>;
  placeholder?: string;
  acceptsImages?: boolean;
};

/** The message box: Enter sends, Shift+Enter is a newline, `/` commands, `@` files, pasted images. */
export function Composer({ draft, onDraftChange, onSend, commands, searchFiles, placeholder, acceptsImages = true }: ComposerProps) {
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [images, setImages] = useState<ImageAttachment[]>([]);
  const [mentions, setMentions] = useState<string[]>([]);
  const [trigger, setTrigger] = useState<ComposerTrigger>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const { text, setText, typingElsewhere } = useDraftSync(draft, onDraftChange);
  const { suggestions, note } = useComposerSuggestions(trigger, commands, searchFiles);
  const open = trigger !== null && suggestions.length > 0;
  useTextareaAutoGrow(textarea, text);

  const edit = (next: string, caret: number) => {
    setText(next);
    setTrigger(findComposerTrigger(next, caret));
    setActiveIndex(0);
  };
  const pick = (value: string) => {
    if (!trigger) return;
    const result = applyComposerPick(text, trigger, value);
    if (trigger.kind === 'mention') setMentions((current) => [...current, value]);
    setText(result.text);
    setTrigger(null);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(result.caret, result.caret));
  };
  const send = () => {
    if (text.trim() === '' && images.length === 0) return;
    onSend({ text, mentions, images });
    setText('', { save: false });
    setImages([]);
    setMentions([]);
    setTrigger(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => (index + step + suggestions.length) % suggestions.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      event.preventDefault();
      pick(suggestions[activeIndex]?.value ?? suggestions[0].value);
    } else if (open && event.key === 'Escape') {
      event.preventDefault();
      setTrigger(null);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData.files).filter((file) => file.type.startsWith('image/'));
    if (files.length === 0) return;
    event.preventDefault();
    if (!acceptsImages) return setProblem('This agent does not accept images.');
    Promise.all(files.map(readImageFile))
      .then((read) => {
        setImages((current) => [...current, ...read]);
        setProblem(null);
      })
      .catch((error: unknown) => setProblem(`Could not attach the image: ${error instanceof Error ? error.message : String(error)}`));
  };

  return (
    <Flex vertical gap={4} className="cc-composer">
      {trigger && (open || note) && <SuggestionList id={listId} label={trigger.kind === 'command' ? 'Slash commands' : 'Workspace files'} suggestions={suggestions} note={note} activeIndex={activeIndex} onPick={pick} />}
      <AttachmentChips images={images} onRemove={(index) => setImages((current) => current.filter((_, at) => at !== index))} />
      {problem && <Alert type="warning" showIcon closable title={problem} onClose={() => setProblem(null)} />}
      <Flex gap={8} align="flex-end">
        <Input.TextArea
          ref={(instance) => void (textarea.current = instance?.resizableTextArea?.textArea ?? null)}
          aria-label="Message"
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
          className="cc-composer-input"
          rows={1}
          value={text}
          placeholder={placeholder ?? 'Message (Enter sends, Shift+Enter new line, / commands, @ files)'}
          onChange={(event) => edit(event.target.value, event.target.selectionStart ?? event.target.value.length)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <Button type="primary" onClick={send} disabled={text.trim() === '' && images.length === 0}>
          Send
        </Button>
      </Flex>
      {typingElsewhere && <span className="cc-typing" role="status">Typing in another tab…</span>}
    </Flex>
  );
}
