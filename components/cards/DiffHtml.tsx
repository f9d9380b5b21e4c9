import { useMemo } from 'react';
import { html } from 'diff2html';
import 'diff2html/bundles/css/diff2html.min.css';
import type { DiffLayout } from '../../stores/view/index.js';

/**
 * diff2html's HTML for one patch. diff2html escapes file names and line content itself (checked by
 * the hostile-payload tests), which is why this is the one place HTML strings are rendered.
 */
export function DiffHtml({ patch, layout }: { patch: string; layout: DiffLayout }) {
  const markup = useMemo(() => html(patch, { outputFormat: layout, drawFileList: false, matching: 'none' }), [patch, layout]);
  return <div className="cc-diff-html" dangerouslySetInnerHTML={{ __html: markup }} />;
}
