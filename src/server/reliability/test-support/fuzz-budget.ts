/**
 * How hard the reliability tests push: a bounded run in `npm test`, a long one under
 * `npm run test:stress` (npm names the script it runs in `npm_lifecycle_event`; HAMISH_STRESS=1
 * does the same for a bare `vitest run`). The seed is printed by each test; HAMISH_SEED replays
 * another.
 */
export const STRESS =
  process.env['HAMISH_STRESS'] === '1' || process.env['npm_lifecycle_event'] === 'test:stress'

export const SEED = Number(process.env['HAMISH_SEED'] ?? 20261129)

export function budget<T>(ci: T, stress: T): T {
  return STRESS ? stress : ci
}
