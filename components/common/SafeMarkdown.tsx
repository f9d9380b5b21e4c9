import { memo } from 'react';
import type { ComponentProps } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import rehypeHighlight from 'rehype-highlight';
import '../theme/code-blocks.css';
import { safeUrl } from './safe-url.js';

type MdNode = { type: string; value?: string; children?: MdNode[] };

/**
 * Raw HTML in agent or user text is shown as the literal text it is (visible, inert) rather than
 * dropped or parsed: `<script>` reads as "<script>", never becomes an element.
 */
function remarkHtmlAsText() {
  return (tree: MdNode) => {
    const stack: MdNode[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop() as MdNode;
      if (node.type === 'html') node.type = 'text';
      if (node.children) stack.push(...node.children);
    }
  };
}

function SafeLink({ href, children }: ComponentProps<'a'>) {
  if (!href) return <span className="cc-neutralised-link">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

/** An image whose URL was neutralised (javascript:, data:, ...) shows as its alt text, not as `<img src="">`. */
function SafeImage({ src, alt }: ComponentProps<'img'>) {
  if (!src) return <span className="cc-neutralised-link">{`[image${alt ? `: ${alt}` : ''}]`}</span>;
  return <img src={src} alt={alt ?? ''} loading="lazy" style={{ maxWidth: '100%' }} />;
}

type Transformer = ReturnType<typeof rehypeHighlight>;
let sharedHighlighter: Transformer | undefined;

/**
 * rehype-highlight with one highlighter for every message. Why: react-markdown attaches its plugins
 * for each rendered text, and rehype-highlight's attacher registers all its languages anew each time
 * (~1 ms a message: most of the markdown cost of opening a long thread). The transformer keeps no
 * state between trees, so sharing it is safe.
 */
function rehypeHighlightShared(): Transformer {
  sharedHighlighter ??= rehypeHighlight({ detect: false });
  return sharedHighlighter;
}

type GfmData = { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
let gfmExtensions: Required<GfmData> | undefined;

/**
 * remark-gfm with its extensions built once. Why: like rehype-highlight above, its attacher runs for
 * every rendered text and builds the GFM syntax and tree extensions anew, plus the serializer
 * extensions react-markdown never uses. The extensions are stateless configuration, so sharing them
 * is safe.
 */
function remarkGfmShared(this: { data: () => GfmData }) {
  if (!gfmExtensions) {
    const built: GfmData = {};
    (remarkGfm as (this: { data: () => GfmData }) => void).call({ data: () => built });
    gfmExtensions = { micromarkExtensions: built.micromarkExtensions ?? [], fromMarkdownExtensions: built.fromMarkdownExtensions ?? [] };
  }
  const data = this.data();
  (data.micromarkExtensions ??= []).push(...gfmExtensions.micromarkExtensions);
  (data.fromMarkdownExtensions ??= []).push(...gfmExtensions.fromMarkdownExtensions);
}

/**
 * Only a fenced block with a language (```ts) is highlighted (no detection), so a text without a
 * fence skips the highlighter: no tree walk, and no highlight.js set-up until a first code block.
 */
function hasCodeFence(text: string): boolean {
  return text.includes('```') || text.includes('~~~');
}

const REMARK_PLUGINS = [remarkGfmShared, remarkHtmlAsText] as ComponentProps<typeof Markdown>['remarkPlugins'];
const REHYPE_PLUGINS = [rehypeHighlightShared] as ComponentProps<typeof Markdown>['rehypePlugins'];
const COMPONENTS = { a: SafeLink, img: SafeImage };

/** Markdown for agent and user text: GFM, highlighted code, no raw HTML, no javascript:/data: links. */
export const SafeMarkdown = memo(function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="cc-markdown">
      <Markdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={hasCodeFence(text) ? REHYPE_PLUGINS : undefined} urlTransform={safeUrl} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
});
