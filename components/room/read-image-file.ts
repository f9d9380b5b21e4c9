import type { ImageAttachment } from '../../stores/room/index.js';

/** Largest pasted image accepted (agents and the WebSocket frame limit do not take more). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Reads a pasted image into an attachment (base64 without the data: prefix). */
export function readImageFile(file: File): Promise<ImageAttachment> {
  if (file.size > MAX_IMAGE_BYTES) {
    return Promise.reject(new Error(`${file.name || 'image'} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'));
    reader.onload = () => {
      const url = String(reader.result);
      const comma = url.indexOf(',');
      resolve({ name: file.name || 'pasted-image', mimeType: file.type, data: url.slice(comma + 1), size: file.size });
    };
    reader.readAsDataURL(file);
  });
}
