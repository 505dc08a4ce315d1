/**
 * How hard the randomised reliability tests push: a bounded run in `npm test`, a long one under
 * `npm run test:stress` (HAMISH_STRESS=1). The seed is printed by each test, and HAMISH_SEED
 * replays one.
 */
export const STRESS = process.env['HAMISH_STRESS'] === '1'

export const SEED = Number(process.env['HAMISH_SEED'] ?? 20261129)

export function budget<T>(ci: T, stress: T): T {
  return STRESS ? stress : ci
}
