// The Mantine theme: system fonts with good Cyrillic coverage, visible keyboard focus, calm colours.
import {
  Anchor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
} from '@mantine/core';

/**
 * Light, outline and subtle variants (badges, alerts, light buttons) colour their text with the
 * palette's mid shade, which is below 4.5:1 on the tinted background for orange, green, yellow and
 * even blue. Their text uses the darkest shade mixed with 20 % black instead (≥ 6:1 for every
 * palette colour), keeping the tint.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  if (!['light', 'outline', 'subtle'].includes(input.variant)) return base;
  const parsed = parseThemeColor({
    color: input.color ?? input.theme.primaryColor,
    theme: input.theme,
  });
  if (!parsed.isThemeColor || parsed.color === 'dark' || parsed.color === 'gray') return base;
  const text = `color-mix(in srgb, var(--mantine-color-${parsed.color}-9) 80%, black)`;
  return {
    ...base,
    color: text,
    ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}),
  };
};

const sans =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PT Sans", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  fontFamily: sans,
  headings: { fontFamily: sans, fontWeight: '600' },
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 }, // blue.8 on white passes WCAG AA for text and buttons
  defaultRadius: 'md',
  focusRing: 'auto', // a ring for keyboard focus (:focus-visible), none for mouse clicks
  cursorType: 'pointer',
  variantColorResolver,
  components: {
    // Links are underlined everywhere: inside text, colour alone must not tell a link (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/**
 * Mantine's "dimmed" text is gray.6 (#868e96, 3.3:1 on white), below WCAG AA for normal text; gray.7
 * (#495057, 8.2:1) keeps the quieter look and is readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
