import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupRoom } from '../../stores/room/testing/render-room.js';
import { AdminPage } from './AdminPage.js';

describe('AdminPage: size of the activity logs', () => {
  it("asks the hub for logs.stats and shows the logs' total size", async () => {
    const { renderInRoom, fake } = await setupRoom({ handlers: { 'logs.stats': () => ({ bytes: 3 * 1024 * 1024, turns: 41 }) } });
    renderInRoom(<AdminPage />);
    expect(await screen.findByText('The activity logs take 3.0 MB (41 turns).')).toBeInTheDocument();
    expect(fake.callsOf('logs.stats')).toEqual([{}]);
  });
});
