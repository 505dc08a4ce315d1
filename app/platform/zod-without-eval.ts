import { z } from 'zod'

/**
 * Tells Zod not to compile validators with `new Function`. The page's Content-Security-Policy
 * forbids eval, and left to itself Zod finds that out by trying: the first `z.object` built at a
 * module's top level calls `new Function('')`, which the browser refuses and reports as a
 * `securitypolicyviolation`. The report records where in the script the attempt came from, and
 * for code at the top level of the bundle that means V8 re-parsing the bundle's whole top level
 * to find the line: about a tenth of a second of a first start, spent on a refusal.
 *
 * It must run before any module builds a schema, so `main.tsx` imports it before anything else.
 */
z.config({ jitless: true })
