import { createFailureLimiter } from './failure-limiter.js';

describe('failure limiter', () => {
  const limit = { maxFailures: 3, windowMs: 60_000 };

  it('limits a key after maxFailures within the window and says when to retry', () => {
    const limiter = createFailureLimiter(limit);
    for (const at of [1_000, 2_000]) limiter.fail('ann', at);
    expect(limiter.state('ann', 2_500)).toEqual({ limited: false });
    limiter.fail('ann', 3_000);
    expect(limiter.state('ann', 3_000)).toEqual({ limited: true, retryAfterMs: 58_000 });
    expect(limiter.state('bo', 3_000)).toEqual({ limited: false });
  });

  it('slides: failures older than the window no longer count', () => {
    const limiter = createFailureLimiter(limit);
    for (const at of [0, 10_000, 20_000]) limiter.fail('ann', at);
    expect(limiter.state('ann', 59_999).limited).toBe(true);
    expect(limiter.state('ann', 60_000)).toEqual({ limited: false });
    expect(limiter.state('ann', 80_000)).toEqual({ limited: false });
    expect(limiter.size()).toBe(0);
  });

  it('forgets a key on clear', () => {
    const limiter = createFailureLimiter(limit);
    for (const at of [0, 1, 2]) limiter.fail('ann', at);
    limiter.clear('ann');
    expect(limiter.state('ann', 3)).toEqual({ limited: false });
  });

  it('keeps at most maxKeys keys and maxFailures times per key', () => {
    const limiter = createFailureLimiter(limit, 100);
    for (let index = 0; index < 10_000; index++) limiter.fail(`made-up-${index}@example.org`, index);
    expect(limiter.size()).toBe(100);
    // The most recent keys are the ones kept.
    for (const at of [0, 1, 2]) limiter.fail('made-up-9999@example.org', 10_000 + at);
    expect(limiter.state('made-up-9999@example.org', 10_003).limited).toBe(true);
    for (let index = 0; index < 1_000; index++) limiter.fail('ann', 20_000 + index);
    expect(limiter.state('ann', 21_000)).toEqual({ limited: true, retryAfterMs: 60_000 - 3 });
  });
});
