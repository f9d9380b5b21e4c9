import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { ThreadComposer } from './ThreadComposer.js';

const ROOT = isoAgo(60_000);
const THREAD = String(Date.parse(ROOT));
const FILES = ['src/main.ts', 'src/room.ts', 'README.md'];

/** A composer whose `files.list` answers like the hub's, with `truncated` as given. */
async function composerWithIndex(truncated: boolean | undefined) {
  const { renderInRoom } = await setupRoom({
    rows: [chatRow(ROOT, ACCOUNT, 'root', { acp_config: { agent: 'demo' } })],
    handlers: { 'files.list': ({ query }) => ({ files: FILES.filter((path) => path.includes(query ?? '')), ...(truncated === undefined ? {} : { truncated }) }) },
  });
  renderInRoom(<ThreadComposer threadKey={THREAD} />);
  return screen.getByRole('combobox', { name: 'Message' });
}

describe('Composer @ list and a truncated workspace index', () => {
  it('says under the files that only the first 200,000 files are searched', async () => {
    const user = userEvent.setup();
    await user.type(await composerWithIndex(true), '@src/r');
    const list = await screen.findByRole('listbox', { name: 'Workspace files' });
    expect(list).toHaveTextContent('src/room.ts');
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('Only the first 200,000 files are searched');
    expect(list).not.toContainElement(note); // not an option: arrows and Enter skip it
  });

  it('still says so when nothing matched, so a missing file is explained', async () => {
    const user = userEvent.setup();
    await user.type(await composerWithIndex(true), '@nothing-like-this');
    expect(await screen.findByRole('note')).toHaveTextContent('Only the first 200,000 files are searched');
    expect(screen.queryAllByRole('option')).toEqual([]);
  });

  it('shows no note for a complete index (truncated false or left out)', async () => {
    for (const truncated of [false, undefined]) {
      const user = userEvent.setup();
      const view = await composerWithIndex(truncated);
      await user.type(view, '@src/r');
      expect(await screen.findByRole('listbox', { name: 'Workspace files' })).toHaveTextContent('src/room.ts');
      expect(screen.queryByRole('note')).toBeNull();
      cleanup();
    }
  });
});
