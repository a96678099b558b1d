'use client';

import { useEffect, useRef, useState } from 'react';
import { ActivityCalendar, type Activity } from 'react-activity-calendar';

const LEVEL_COLORS = ['var(--heat-0)', 'var(--heat-1)', 'var(--heat-2)', 'var(--heat-3)', 'var(--heat-4)'];
const BLOCK_MARGIN = 3;
const WEEKS = 54;

/** Squares as large as fill the width (a year is 53–54 weeks), between readable and not too bold. */
export function blockSizeFor(width: number): number {
  return Math.max(11, Math.min(17, Math.floor(width / WEEKS) - BLOCK_MARGIN));
}

/** Levels 0–4 relative to this learner's busiest day, so a light reviewer still sees a shape. */
export function toActivities(days: readonly { date: string; reviews: number }[]): Activity[] {
  const max = Math.max(0, ...days.map((day) => day.reviews));
  return days.map((day) => ({
    date: day.date,
    count: day.reviews,
    level: day.reviews === 0 || max === 0 ? 0 : Math.min(4, Math.max(1, Math.ceil((day.reviews / max) * 4))),
  }));
}

/** A year of reviews, one square per day (react-activity-calendar), coloured by the theme's tokens. */
export function ReviewHeatmap({ days }: { days: readonly { date: string; reviews: number }[] }) {
  const data = toActivities(days);
  const frame = useRef<HTMLElement>(null);
  const [blockSize, setBlockSize] = useState(11);
  useEffect(() => {
    const element = frame.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => setBlockSize(blockSizeFor(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // On a narrow screen the year scrolls: start at today, not a year ago.
  useEffect(() => {
    for (const element of [frame.current, ...(frame.current?.querySelectorAll<HTMLElement>('*') ?? [])]) {
      if (element && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible')
        element.scrollLeft = element.scrollWidth;
    }
  }, [days, blockSize]);
  const total = data.reduce((sum, day) => sum + day.count, 0);
  return (
    <figure ref={frame} className="heatmap" aria-label={`${total} reviews in the last year`} style={{ margin: 0 }}>
      <ActivityCalendar
        data={data}
        theme={{ light: LEVEL_COLORS, dark: LEVEL_COLORS }}
        blockSize={blockSize}
        blockMargin={BLOCK_MARGIN}
        blockRadius={3}
        fontSize={12}
        weekStart={1}
        labels={{ totalCount: '{{count}} reviews in the last year', legend: { less: 'Less', more: 'More' } }}
        tooltips={{ activity: { text: (activity) => `${activity.count} review${activity.count === 1 ? '' : 's'} on ${activity.date}` } }}
      />
    </figure>
  );
}
