import { describe, expect, it } from 'vitest';
import { atRisk, type Figures } from './center-performance.ts';

const week = { from: '2026-11-22T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' };
const figures = (orders: number, serviceRequests = 0): Figures => ({
  period: week,
  orders,
  gmvFen: 0,
  activeVillagers: 0,
  upstreamSalesFen: 0,
  serviceRequests,
  earningsFen: 0,
});
const openedLongAgo = { openedAt: '2026-01-01T00:00:00.000Z' };

describe('partners at risk', () => {
  it('flags activity that fell by half or more', () => {
    expect(atRisk(openedLongAgo, figures(3, 2), figures(8, 2))).toBe(true);
    expect(atRisk(openedLongAgo, figures(3, 2), figures(6, 4))).toBe(true);
    expect(atRisk(openedLongAgo, figures(4, 2), figures(8, 3))).toBe(false);
  });

  it('flags a period without orders only for a centre open before it began', () => {
    expect(atRisk(openedLongAgo, figures(0, 5), figures(0, 5))).toBe(true);
    expect(atRisk({ openedAt: '2026-11-24T02:00:00.000Z' }, figures(0), figures(0))).toBe(false);
    expect(atRisk({ openedAt: null }, figures(0), figures(0))).toBe(false);
  });
});
