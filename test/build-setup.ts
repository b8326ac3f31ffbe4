// Builds the pages once before the tests that render them (page permission walk, browser
// journeys); ensureBuild serialises concurrent builds with a lock.
import { ensureBuild } from '../scripts/ensure-build.ts';

export default function setup(): void {
  ensureBuild();
}
