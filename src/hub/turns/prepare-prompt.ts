import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContentBlock } from '../../protocol/index.js';

/** Absolute path of a workspace-relative path, or undefined when it would leave the root. */
export function insideRoot(root: string, relative: string): string | undefined {
  const absolute = path.resolve(root, relative);
  return absolute === root || absolute.startsWith(root + path.sep) ? absolute : undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false; // a mention of something that is not a file stays plain text
  }
}

/**
 * What the agent receives: images only when it accepts them (else a notice), `@file` mentions of
 * workspace files as resource links, and relative resource links made absolute inside the root.
 */
export function preparePrompt(prompt: ContentBlock[], options: { root: string; acceptsImages: boolean }): { blocks: ContentBlock[]; notices: string[] } {
  const blocks: ContentBlock[] = [];
  const notices: string[] = [];
  const linked = new Set<string>();
  for (const block of prompt) {
    if (block.type === 'image' && !options.acceptsImages) {
      notices.push('This agent does not accept images; the image was not sent.');
      continue;
    }
    if (block.type === 'resource_link' && !/^[a-z]+:/i.test(block.uri)) {
      const absolute = insideRoot(options.root, block.uri);
      if (!absolute) {
        notices.push(`Attachment ${block.uri} is outside the workspace and was not sent.`);
        continue;
      }
      linked.add(absolute);
      blocks.push({ ...block, uri: pathToFileURL(absolute).href });
      continue;
    }
    blocks.push(block);
    if (block.type !== 'text') continue;
    for (const match of block.text.matchAll(/(?:^|\s)@([\w./-]+)/g)) {
      const absolute = insideRoot(options.root, match[1]);
      if (!absolute || linked.has(absolute) || !isFile(absolute)) continue;
      linked.add(absolute);
      blocks.push({ type: 'resource_link', name: match[1], uri: pathToFileURL(absolute).href });
    }
  }
  return { blocks, notices };
}
