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

const REMARK_PLUGINS = [remarkGfm, remarkHtmlAsText];
const REHYPE_PLUGINS = [rehypeHighlightShared] as ComponentProps<typeof Markdown>['rehypePlugins'];
const COMPONENTS = { a: SafeLink, img: SafeImage };

/** Markdown for agent and user text: GFM, highlighted code, no raw HTML, no javascript:/data: links. */
export const SafeMarkdown = memo(function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="cc-markdown">
      <Markdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={REHYPE_PLUGINS} urlTransform={safeUrl} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
});
