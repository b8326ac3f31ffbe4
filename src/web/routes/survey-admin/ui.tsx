// Pieces shared by the sample-control and moderation pages.
import { Group, Text } from '@mantine/core';

const percent = (share: number) => `${Math.floor(share * 100)} %`;

/**
 * An accessible progress bar: native <progress> (announced as a progress bar with its value) plus
 * the numbers in text, so the meaning never rests on the bar alone.
 */
export function SampleBar({
  label,
  counted,
  required,
  share,
}: {
  label: string;
  counted: number;
  required: number;
  share: number;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <progress
        max={Math.max(required, 1)}
        value={required > 0 ? Math.min(counted, required) : 1}
        aria-label={`${label}: ${counted} из ${required}`}
        style={{ width: '8rem', height: '0.8rem' }}
      />
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {counted} из {required} ({percent(share)})
      </Text>
    </Group>
  );
}

export { percent };
