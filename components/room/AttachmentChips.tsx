import { Tag } from 'antd';
import type { ImageAttachment } from '../../stores/room/index.js';

/** The images pasted into the composer, each removable before sending. */
export function AttachmentChips({ images, onRemove }: { images: ImageAttachment[]; onRemove: (index: number) => void }) {
  if (images.length === 0) return null;
  return (
    <div aria-label="Attachments" role="list">
      {images.map((image, index) => (
        <Tag
          role="listitem"
          key={`${image.name}-${index}`}
          closable
          closeIcon={<span aria-label={`Remove ${image.name}`}>×</span>}
          onClose={(event) => {
            event.preventDefault();
            onRemove(index);
          }}
        >
          {image.name} ({Math.max(1, Math.round(image.size / 1024))} KB)
        </Tag>
      ))}
    </div>
  );
}
