import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { DueByKind } from '../learner-state';

export interface ReminderEmailProps {
  displayName: string | null;
  due: DueByKind;
  newToday: number;
  streakDays: number;
  reviewUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
}

const KIND_NAMES: Record<Exclude<keyof DueByKind, 'total'>, [string, string]> = {
  card: ['concept card', 'concept cards'],
  problem: ['coding problem', 'coding problems'],
  lab: ['lab', 'labs'],
};

function plural(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "8 concept cards and 4 coding problems": only the kinds with something due. */
export function describeDue(due: DueByKind): string {
  const parts = (Object.keys(KIND_NAMES) as (keyof typeof KIND_NAMES)[])
    .filter((kind) => due[kind] > 0)
    .map((kind) => plural(due[kind], KIND_NAMES[kind]));
  if (parts.length <= 1) return parts[0] ?? 'nothing';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function reminderSubject(due: DueByKind): string {
  return `${plural(due.total, ['item is', 'items are'])} due for review`;
}

/** New items are offered with the reviews, but are not what a reminder is about. */
function newItemsLine(newToday: number): string | null {
  if (newToday <= 0) return null;
  return `${plural(newToday, ['new item is', 'new items are'])} ready to learn today as well.`;
}

function streakLine(days: number): string {
  if (days <= 0) return 'A short session today starts a new streak.';
  return `You are on a ${days}-day streak. A short session today keeps it going.`;
}

const colors = { text: '#1f2933', muted: '#52606d', accent: '#2f6fde', border: '#e4e7eb', background: '#f5f7fa' };

/** The reminder email; the plain-text body is rendered from the same markup. */
export function ReminderEmail({ displayName, due, newToday, streakDays, reviewUrl, settingsUrl, unsubscribeUrl }: ReminderEmailProps) {
  const newItems = newItemsLine(newToday);
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${describeDue(due)} ready for review.`}</Preview>
      <Body style={{ backgroundColor: colors.background, fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif' }}>
        <Container
          style={{ backgroundColor: '#ffffff', border: `1px solid ${colors.border}`, borderRadius: 8, padding: 24, maxWidth: 520 }}
        >
          <Heading as="h1" style={{ fontSize: 22, color: colors.text, margin: '0 0 16px' }}>
            Time to review
          </Heading>
          <Text style={{ color: colors.text, fontSize: 16 }}>{displayName ? `Hi ${displayName},` : 'Hi,'}</Text>
          <Text style={{ color: colors.text, fontSize: 16 }}>
            {`You have ${plural(due.total, ['item', 'items'])} due: ${describeDue(due)}.`}
          </Text>
          {newItems && <Text style={{ color: colors.text, fontSize: 16 }}>{newItems}</Text>}
          <Text style={{ color: colors.text, fontSize: 16 }}>{streakLine(streakDays)}</Text>
          <Section style={{ margin: '24px 0' }}>
            <Button
              href={reviewUrl}
              style={{
                backgroundColor: colors.accent,
                color: '#ffffff',
                borderRadius: 6,
                padding: '12px 20px',
                fontSize: 16,
                fontWeight: 600,
              }}
            >
              Start review
            </Button>
          </Section>
          <Hr style={{ borderColor: colors.border }} />
          <Text style={{ color: colors.muted, fontSize: 13 }}>
            Due means what your review queue holds right now: reviews that have come due and learning steps, not new items; a day with only
            new items sends no reminder.
          </Text>
          <Text style={{ color: colors.muted, fontSize: 13 }}>
            You get this because you turned on review reminders in Recall Prep. <Link href={settingsUrl}>Change the time or days</Link> or{' '}
            <Link href={unsubscribeUrl}>unsubscribe</Link>.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
