// A status shown as words with a colour: the text carries the meaning (WCAG 1.4.1), the colour
// only helps; white on the dark shades below passes WCAG AA. Tones: ok (green), warning (orange), danger (red), info (blue), neutral (grey).
import type { ReactNode } from 'react';
import { Badge } from '@mantine/core';

export type Tone = 'ok' | 'warning' | 'danger' | 'info' | 'neutral';

const COLORS: Record<Tone, string> = {
  // Mantine's green.9 and orange.9 reach only 4.3–4.4:1 with white; these darker shades reach 6.2–6.4:1.
  ok: '#1f6f32',
  warning: '#a63c06',
  danger: 'red.9',
  info: 'blue.8',
  neutral: 'gray.7',
};

export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Badge color={COLORS[tone]} variant="filled" radius="sm" tt="none" fw={600} size="md">
      {children}
    </Badge>
  );
}
