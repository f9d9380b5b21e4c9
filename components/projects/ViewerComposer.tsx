import { Button, Flex, Input } from 'antd';
import { ViewerNote } from './ViewerNote.js';

/** What a project viewer sees instead of the composer: the message box and Send, disabled, and why. */
export function ViewerComposer() {
  return (
    <Flex vertical gap={4} className="cc-composer cc-composer-viewer">
      <ViewerNote />
      <Flex gap={8} align="flex-end">
        <Input.TextArea aria-label="Message" disabled rows={1} placeholder="You can read this project (viewer)" />
        <Button type="primary" disabled>
          Send
        </Button>
      </Flex>
    </Flex>
  );
}
