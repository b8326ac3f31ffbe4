// Survey codes: short codes printed on invitations and used in the survey link `/s/{code}`.
// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L) so a code read aloud or
// retyped from paper is not mistaken; 31^8 ≈ 8.5·10^11 codes keep guessing impractical.
import { randomInt } from 'node:crypto';

export const SURVEY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SURVEY_CODE_LENGTH = 8;
export const SURVEY_CODE_PATTERN = new RegExp(`^[${SURVEY_CODE_ALPHABET}]{${SURVEY_CODE_LENGTH}}$`);

/** A random code; `random(n)` returns an integer in [0, n) (tests pass a seeded one). */
export function surveyCode(random: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < SURVEY_CODE_LENGTH; i++) {
    code += SURVEY_CODE_ALPHABET[random(SURVEY_CODE_ALPHABET.length)];
  }
  return code;
}

/**
 * `count` codes distinct from each other and from those `isTaken` reports (the database's codes).
 * Collisions are astronomically rare; the loop redraws only the colliding ones.
 */
export async function uniqueSurveyCodes(
  count: number,
  isTaken: (codes: string[]) => Promise<Set<string>>,
  random?: (n: number) => number,
): Promise<string[]> {
  const chosen = new Set<string>();
  for (let round = 0; chosen.size < count; round++) {
    if (round > 20) throw new Error('Не удалось подобрать уникальные коды анкет');
    const batch = new Set<string>();
    while (batch.size < count - chosen.size) {
      const code = surveyCode(random);
      if (!chosen.has(code)) batch.add(code);
    }
    const taken = await isTaken([...batch]);
    for (const code of batch) if (!taken.has(code)) chosen.add(code);
  }
  return [...chosen];
}
