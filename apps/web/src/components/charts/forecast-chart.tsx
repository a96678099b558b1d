'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';

export type TForecastDay = { date: string; cards: number; problems: number };

function shortDate(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${day}/${month}`;
}

function ForecastTooltip({ active, payload, label }: Partial<TooltipContentProps<number, string>>) {
  if (!active || !payload?.length) return null;
  const row = payload[0]?.payload as TForecastDay | undefined;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{String(label)}</strong>
      <div>
        {row.cards} card{row.cards === 1 ? '' : 's'}, {row.problems} problem{row.problems === 1 ? '' : 's'}
      </div>
    </div>
  );
}

/** Items due on each of the next 30 days, cards and problems stacked (recharts), coloured by the theme's tokens. */
export function ForecastChart({ days }: { days: readonly TForecastDay[] }) {
  const total = days.reduce((sum, day) => sum + day.cards + day.problems, 0);
  return (
    <figure className="chart" aria-label={`${total} reviews due in the next ${days.length} days`} style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days as TForecastDay[]} margin={{ top: 8, right: 4, bottom: 0, left: -24 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="date"
            tickFormatter={shortDate}
            tickLine={false}
            axisLine={{ stroke: 'var(--border)' }}
            interval="preserveStartEnd"
            minTickGap={16}
          />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={48} />
          <Tooltip cursor={{ fill: 'var(--surface-2)' }} content={<ForecastTooltip />} />
          <Bar dataKey="cards" name="Cards" stackId="due" fill="var(--accent)" radius={[0, 0, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="problems" name="Problems" stackId="due" fill="var(--heat-2)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
