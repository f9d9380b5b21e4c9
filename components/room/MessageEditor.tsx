import { Button, Flex, Input } from 'antd';
import { useState } from 'react';

/** Inline editor of one's own message: Enter saves, Shift+Enter is a newline, Esc cancels. */
export function MessageEditor({ initial, onSave, onCancel }: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  const save = () => (text.trim() === '' || text === initial ? onCancel() : onSave(text));
  return (
    <Flex vertical gap={4}>
      <Input.TextArea
        aria-label="Edit message"
        autoFocus
        autoSize={{ minRows: 2, maxRows: 12 }}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            save();
          }
        }}
      />
      <Flex gap={4}>
        <Button size="small" type="primary" onClick={save}>
          Save
        </Button>
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </Flex>
    </Flex>
  );
}
