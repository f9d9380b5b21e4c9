import { selectContextMeter } from './context-meter.js';

describe('selectContextMeter', () => {
  it('is null when nothing is known', () => {
    expect(selectContextMeter(null)).toBeNull();
    expect(selectContextMeter({ used: 5, size: 0 })).toBeNull();
    expect(selectContextMeter({ used: Number.NaN, size: 10 })).toBeNull();
  });

  it('shows used, size, % left and cost', () => {
    expect(selectContextMeter({ used: 12400, size: 258400, cost: { amount: 0.12, currency: 'USD' } })).toEqual({
      used: 12400,
      size: 258400,
      percentLeft: 95.2,
      level: 'ok',
      cost: { amount: 0.12, currency: 'USD' },
    });
  });

  it('warns at 30 % left or less and is critical at 15 % or less', () => {
    expect(selectContextMeter({ used: 69, size: 100 })?.level).toBe('ok');
    expect(selectContextMeter({ used: 70, size: 100 })?.level).toBe('warning');
    expect(selectContextMeter({ used: 84, size: 100 })?.level).toBe('warning');
    expect(selectContextMeter({ used: 85, size: 100 })?.level).toBe('critical');
    expect(selectContextMeter({ used: 130, size: 100 })).toMatchObject({ percentLeft: 0, level: 'critical' });
  });
});
