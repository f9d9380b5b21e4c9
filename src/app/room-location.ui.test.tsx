import { describe, expect, it } from 'vitest';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { followRoomInLocation, readRoomLocation, roomSearch } from './room-location.js';

describe('room location', () => {
  it('reads and writes ?chat= and &thread=, keeping other parameters', () => {
    expect(readRoomLocation('?chat=a%2Fb.chat&thread=123')).toEqual({ chat: 'a/b.chat', thread: '123' });
    expect(readRoomLocation('')).toEqual({ chat: null, thread: null });
    expect(roomSearch('?admin=x', { chat: 'a b.chat', thread: '9' })).toBe('?admin=x&chat=a+b.chat&thread=9');
    expect(roomSearch('?chat=a.chat&thread=9', { chat: null, thread: null })).toBe('');
  });

  it('follows the open chat and selected thread in the address, so a reload returns to them', async () => {
    const root = isoAgo(60_000);
    const threadKey = String(Date.parse(root));
    const { room } = await setupRoom({ rows: [chatRow(root, ACCOUNT, 'root')] });
    window.history.replaceState(null, '', '/#/');
    const stop = followRoomInLocation(room);
    expect(readRoomLocation(window.location.search)).toEqual({ chat: 'work/a.chat', thread: null });
    room.getState().selectThread(threadKey);
    expect(readRoomLocation(window.location.search)).toEqual({ chat: 'work/a.chat', thread: threadKey });
    expect(window.location.hash).toBe('#/');
    stop();
    room.getState().selectThread(null);
    expect(readRoomLocation(window.location.search).thread).toBe(threadKey);
  });
});
