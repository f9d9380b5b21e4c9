import fc from 'fast-check';
import { OUTPUT_HEAD_CHARS, OUTPUT_TAIL_CHARS, appendBoundedText, boundedTextToString, createBoundedText } from './bounded-text.js';

describe('bounded text', () => {
  it('keeps short output whole', () => {
    const text = createBoundedText();
    appendBoundedText(text, 'a\nb');
    appendBoundedText(text, '\n');
    expect(text).toEqual({ head: 'a\nb\n', tail: '', droppedChars: 0, totalChars: 4, totalLines: 2 });
  });

  it('keeps the head and the tail of long output and counts what it dropped', () => {
    const text = createBoundedText();
    const chunk = 'x'.repeat(1000) + '\n';
    for (let index = 0; index < 500; index += 1) appendBoundedText(text, chunk);
    expect(text.head.length).toBe(OUTPUT_HEAD_CHARS);
    expect(text.tail.length).toBe(OUTPUT_TAIL_CHARS);
    expect(text.totalChars).toBe(500 * 1001);
    expect(text.totalLines).toBe(500);
    expect(text.droppedChars).toBe(500 * 1001 - OUTPUT_HEAD_CHARS - OUTPUT_TAIL_CHARS);
  });

  it('equals the prefix and suffix of the whole output, however it was chunked (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40_000 }), { maxLength: 12 }), (chunks) => {
        const text = createBoundedText();
        for (const chunk of chunks) appendBoundedText(text, chunk);
        const whole = chunks.join('');
        expect(text.totalChars).toBe(whole.length);
        expect(text.totalLines).toBe(whole.split('\n').length - 1);
        if (text.droppedChars === 0) expect(boundedTextToString(text)).toBe(whole);
        expect(whole.startsWith(text.head)).toBe(true);
        expect(whole.endsWith(text.tail)).toBe(true);
        expect(text.head.length + text.tail.length + text.droppedChars).toBe(whole.length);
      }),
      { numRuns: 100 },
    );
  });
});
