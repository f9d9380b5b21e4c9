import type { ContentBlock } from '../../src/protocol/index.js';

/** An image pasted into the composer, as base64 (no data: prefix), sent as an ACP image block. */
export type ImageAttachment = { name: string; mimeType: string; data: string; size: number };

/**
 * The ACP prompt of a composer message: the text, then each `@` mention picked from `files.list`
 * as a workspace-relative resource link (the hub makes it absolute inside the root), then images.
 */
export function buildPrompt(text: string, mentions: readonly string[], images: readonly ImageAttachment[]): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  if (text.trim() !== '') blocks.push({ type: 'text', text });
  const mentioned = new Set(mentions.filter((path) => text.includes(`@${path}`)));
  for (const path of mentioned) blocks.push({ type: 'resource_link', name: path, uri: path });
  for (const image of images) blocks.push({ type: 'image', mimeType: image.mimeType, data: image.data });
  return blocks;
}

/**
 * The text stored in the chat row for a message with images. Images are not stored in the
 * document (they can be megabytes; the agent receives them in the prompt), so the row says which
 * ones were attached.
 */
export function messageTextWithAttachments(text: string, images: readonly ImageAttachment[]): string {
  if (images.length === 0) return text;
  const notes = images.map((image) => `- attached image: ${image.name} (${Math.max(1, Math.round(image.size / 1024))} KB)`);
  return `${text}${text ? '\n\n' : ''}${notes.join('\n')}`;
}
