import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { ExportMenu } from './ExportMenu.js';

const ROOT = isoAgo(60_000);
const THREAD = String(Date.parse(ROOT));

afterEach(() => vi.restoreAllMocks());

/** The blobs the browser was asked to download, as text. */
function captureDownloads() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:export';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return () => Promise.all(blobs.map((blob) => blob.text()));
}

describe('ExportMenu (its Dropdown mounted on the first click)', () => {
  it('has no menu until clicked, then opens on the first click and downloads the thread as Markdown', async () => {
    const downloads = captureDownloads();
    const user = userEvent.setup();
    const { renderInRoom } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'the question'), chatRow(isoAgo(30_000), 'bob', 'the answer', { reply_to: ROOT })] });
    renderInRoom(<ExportMenu threadKey={THREAD} authorName={(id) => id} />);
    expect(screen.queryByText('Markdown: messages and answers')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Export/ }));
    await user.click(await screen.findByText('Markdown: messages and answers'));
    await waitFor(async () => expect((await downloads()).join('')).toContain('the answer'));
    // And again: the second opening goes through the mounted Dropdown.
    await user.click(screen.getByRole('button', { name: /Export/ }));
    expect(await screen.findByText('Markdown: full, with activity and reasoning')).toBeInTheDocument();
  });

  it('opens from the keyboard and keeps the focus on the button', async () => {
    const user = userEvent.setup();
    const { renderInRoom } = await setupRoom({ rows: [chatRow(ROOT, ACCOUNT, 'the question')] });
    renderInRoom(<ExportMenu threadKey={THREAD} authorName={(id) => id} />);
    await user.tab();
    expect(screen.getByRole('button', { name: /Export/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Markdown: messages and answers')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: /Export/ })).toHaveFocus());
  });
});
