import { useMemo } from 'react';
import { html } from 'diff2html';
import type { Diff2HtmlConfig } from 'diff2html';
import 'diff2html/bundles/css/diff2html.min.css';
import '../theme/diff-html.css';
import { useCodexTheme } from '../theme/theme-context.js';
import type { DiffLayout } from '../../stores/view/index.js';

/**
 * diff2html's HTML for one patch. diff2html escapes file names and line content itself (checked by
 * the hostile-payload tests), which is why this is the one place HTML strings are rendered.
 */
export function DiffHtml({ patch, layout }: { patch: string; layout: DiffLayout }) {
  // diff2html's own dark scheme (d2h-dark-color-scheme), with the colours the theme sets as --d2h-dark-*.
  // Its ColorSchemeType is a TS enum of these same strings ('light' | 'dark'), not exported by the package root.
  const colorScheme = useCodexTheme().theme as Diff2HtmlConfig['colorScheme'];
  const markup = useMemo(() => html(patch, { outputFormat: layout, drawFileList: false, matching: 'none', colorScheme }), [patch, layout, colorScheme]);
  return <div className="cc-diff-html" dangerouslySetInnerHTML={{ __html: markup }} />;
}
