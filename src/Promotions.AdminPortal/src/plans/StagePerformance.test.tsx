import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { FigureRow, StageReport } from '../api/types';
import { StagePerformance, stageReportFrom } from './StagePerformance';

afterEach(cleanup);

const figures = (redemptions: number, discount: number, revenue: number): FigureRow => ({
  key: null, day: null, currency: 'EUR', redemptions, netRedemptions: redemptions, reversals: 0, fullReversals: 0,
  discountGiven: discount, discountReversed: 0, netDiscount: discount, orderRevenue: revenue, attributedRevenue: revenue, roi: null,
  distinctCustomers: redemptions,
});

const report: StageReport = {
  campaignId: 'cmp_1', from: '2026-05-01', to: '2026-05-30', revision: 3,
  stages: [
    { index: 0, name: 'teaser', status: 'applied', runsAt: '2026-05-04T10:05:00Z', startedAt: '2026-05-04T10:05:01Z', endedAt: '2026-05-04T10:15:01Z', totals: [figures(1, 10, 100)] },
    { index: 1, name: 'launch', status: 'applied', runsAt: '2026-05-04T10:15:00Z', startedAt: '2026-05-04T10:15:01Z', endedAt: null, totals: [figures(2, 40, 200)] },
    { index: 2, name: 'last chance', status: 'pending', runsAt: '2026-05-04T10:25:00Z', startedAt: null, endedAt: null, totals: [] },
  ],
  noStage: [figures(4, 8, 60)],
};

describe('performance by stage', () => {
  it('lists every stage of the plan with its figures, the pending one at zero, and what was redeemed in no stage', () => {
    render(<StagePerformance report={report} />);

    const rows = within(screen.getByRole('table', { name: 'Performance by stage' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['teaser', 'launch', 'last chance', 'No stage']);
    expect(within(screen.getByTestId('stage-launch')).getAllByRole('cell').slice(3).map((c) => c.textContent)).toEqual(['2', '€40.00', '€200.00']);
    expect(within(screen.getByTestId('stage-last chance')).getAllByRole('cell').slice(3).map((c) => c.textContent)).toEqual(['0', '€0.00', '€0.00']);
    expect(within(screen.getByTestId('stage-launch')).getByText(/– now$/)).toBeTruthy();
    expect(within(screen.getByTestId('stage-No stage')).getAllByRole('cell')[3].textContent).toBe('4');
  });

  it('shows nothing for a campaign without stages or stage figures', () => {
    const { container } = render(<StagePerformance report={{ ...report, revision: null, stages: [], noStage: [] }} />);

    expect(container.innerHTML).toBe('');
  });

  it('starts the report at the campaign start only when it has begun within the 400 days a report spans', () => {
    const now = new Date('2026-05-04T12:00:00Z');

    expect(stageReportFrom('2026-04-01T08:00:00Z', now)).toBe('2026-04-01');
    expect(stageReportFrom('2026-06-01T08:00:00Z', now)).toBeUndefined();
    expect(stageReportFrom('2024-01-01T08:00:00Z', now)).toBeUndefined();
    expect(stageReportFrom(null, now)).toBeUndefined();
  });
});
