import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT, chatRow, isoAgo, setupRoom } from '../../stores/room/testing/render-room.js';
import { ThreadComposer } from './ThreadComposer.js';
import { useTextareaAutoGrow } from './useTextareaAutoGrow.js';

// jsdom does no layout: a textarea's content height is its number of lines times 22 px here.
const LINE_PX = 22;
function fakeScrollHeight() {
  return vi.spyOn(HTMLTextAreaElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLTextAreaElement) {
    return this.value.split('\n').length * LINE_PX;
  });
}

function Box({ fieldSizing }: { fieldSizing: boolean }) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const [text, setText] = useState('');
  useTextareaAutoGrow(ref, text, fieldSizing);
  return <textarea aria-label="box" ref={ref} value={text} onChange={(event) => setText(event.target.value)} />;
}

afterEach(() => vi.restoreAllMocks());

describe('the composer box grows with its text', () => {
  it('is sized by CSS (field-sizing, capped by max-height in composer-input.css), not by antd autoSize', async () => {
    const { renderInRoom } = await setupRoom({ rows: [chatRow(isoAgo(60_000), ACCOUNT, 'root')] });
    renderInRoom(<ThreadComposer threadKey={String(Date.parse(isoAgo(60_000)))} />);
    const box = screen.getByRole('combobox', { name: 'Message' });
    expect(box).toHaveClass('cc-composer-input');
    expect(box).toHaveAttribute('rows', '1');
  });

  it('without CSS field-sizing: its height follows the lines typed, and shrinks again', async () => {
    fakeScrollHeight();
    const user = userEvent.setup();
    render(<Box fieldSizing={false} />);
    const box = screen.getByRole('textbox', { name: 'box' });
    expect(box.style.height).toBe(`${LINE_PX}px`);
    await user.type(box, 'one{Shift>}{Enter}{/Shift}two{Shift>}{Enter}{/Shift}three');
    expect(box.style.height).toBe(`${3 * LINE_PX}px`);
    await user.clear(box);
    expect(box.style.height).toBe(`${LINE_PX}px`);
  });

  it('with CSS field-sizing: it never measures or sets a height', async () => {
    const scrollHeight = fakeScrollHeight();
    const user = userEvent.setup();
    render(<Box fieldSizing />);
    const box = screen.getByRole('textbox', { name: 'box' });
    await user.type(box, 'one{Shift>}{Enter}{/Shift}two');
    expect(box.style.height).toBe('');
    expect(scrollHeight).not.toHaveBeenCalled();
  });
});
