import type { z } from 'zod'

/*
 * A fast reader for a zod schema of plain data, built once from the schema's own definition.
 *
 * Why: the page's content-security policy forbids `eval`, which turns off zod's compiled fast
 * path, and zod's general path made reading a class of 6,800 annotations cost 100–150 ms on the
 * way to showing them. This walks the same definition with plain closures. Where zod's copy
 * would equal the value (no unknown keys anywhere in it), it returns the value itself, so a
 * caller must not hand it a value that someone else goes on changing; otherwise it copies only
 * what the schema keeps. It answers valid or not; whoever needs to say why asks zod itself, so the
 * schema stays the single source of truth and the messages stay zod's.
 *
 * It knows only the few schema kinds below and refuses to be built from anything else, so a
 * schema that grows a kind it does not know fails at startup (and in its tests), never silently.
 */

/** What a reader returns for a value its schema refuses. */
export const REFUSED: unique symbol = Symbol('refused')

export type FastReader<T> = (value: unknown) => T | typeof REFUSED

type Read = (value: unknown) => unknown

interface CheckDef {
  readonly check: string
  readonly minimum?: number
  readonly format?: string
  readonly value?: number
  readonly inclusive?: boolean
}

interface AnyDef {
  readonly type: string
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[]
  readonly shape?: Record<string, z.ZodType>
  readonly catchall?: unknown
  readonly element?: z.ZodType
  readonly innerType?: z.ZodType
  readonly entries?: Record<string, string | number>
  readonly coerce?: boolean
}

class UnsupportedSchema extends Error {
  constructor(what: string) {
    super(`fastReader does not know ${what}; read this schema with zod itself`)
  }
}

function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def
}

function checkDefs(def: AnyDef): CheckDef[] {
  if (def.coerce) throw new UnsupportedSchema(`a coercing ${def.type}`)
  return (def.checks ?? []).map((check) => check._zod.def)
}

function refuseChecks(def: AnyDef): void {
  const [check] = checkDefs(def)
  if (check) throw new UnsupportedSchema(`the ${def.type} check ${check.check}`)
}

function stringReader(def: AnyDef): Read {
  let minimum = 0
  for (const check of checkDefs(def)) {
    if (check.check !== 'min_length') throw new UnsupportedSchema(`the string check ${check.check}`)
    minimum = Math.max(minimum, check.minimum ?? 0)
  }
  return (value) => (typeof value === 'string' && value.length >= minimum ? value : REFUSED)
}

function numberReader(def: AnyDef): Read {
  const tests: ((n: number) => boolean)[] = [Number.isFinite]
  for (const check of checkDefs(def)) {
    if (check.check === 'number_format' && check.format === 'safeint') {
      tests.push(Number.isSafeInteger)
    } else if (check.check === 'greater_than' && typeof check.value === 'number') {
      const bound = check.value
      tests.push(check.inclusive ? (n) => n >= bound : (n) => n > bound)
    } else {
      throw new UnsupportedSchema(`the number check ${check.check} ${check.format ?? ''}`)
    }
  }
  return (value) =>
    typeof value === 'number' && tests.every((test) => test(value)) ? value : REFUSED
}

function objectReader(def: AnyDef): Read {
  if (def.catchall !== undefined) throw new UnsupportedSchema('an object with a catchall')
  refuseChecks(def)
  const fields = Object.entries(def.shape ?? {}).map(([key, schema]) => {
    const fieldDef = defOf(schema)
    const optional = fieldDef.type === 'optional'
    const read = readerOf(optional ? fieldDef.innerType! : schema)
    return { key, optional, read }
  })
  /** The fields before `end` that the value holds, as it holds them. */
  const copyUpTo = (input: Record<string, unknown>, end: number): Record<string, unknown> => {
    const output: Record<string, unknown> = {}
    for (let i = 0; i < end; i++) {
      const { key } = fields[i]!
      if (key in input) output[key] = input[key]
    }
    return output
  }
  // Not copied until a field differs from what zod would give: reading thousands of stored
  // annotations, the copies were most of the reader's work and of the garbage collection after
  // it, and almost none differ. Every field is read once either way.
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return REFUSED
    const input = value as Record<string, unknown>
    let output: Record<string, unknown> | null = null
    let present = 0
    for (let i = 0; i < fields.length; i++) {
      const { key, optional, read } = fields[i]!
      // As zod: an absent optional key stays absent; a present one holding undefined is kept.
      if (!(key in input)) {
        if (optional) continue
        return REFUSED
      }
      present++
      const field = input[key]
      const kept = optional && field === undefined ? undefined : read(field)
      if (kept === REFUSED) return REFUSED
      // Inherited, it would be missing from the value's own keys that a copy must have.
      if (output === null && (kept !== field || !Object.hasOwn(input, key))) {
        output = copyUpTo(input, i)
      }
      if (output !== null) output[key] = kept
    }
    if (output !== null) return output
    // Every field as it was: the value itself, unless it has keys the schema does not know.
    return ownKeyCount(input) === present ? input : copyUpTo(input, fields.length)
  }
}

function ownKeyCount(object: object): number {
  let count = 0
  for (const key in object) if (Object.hasOwn(object, key)) count++
  return count
}

function arrayReader(def: AnyDef): Read {
  refuseChecks(def)
  const read = readerOf(def.element!)
  return (value) => {
    if (!Array.isArray(value)) return REFUSED
    // As for objects: copied from the first item that differs, each item read once.
    let output: unknown[] | null = null
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      const kept = read(item)
      if (kept === REFUSED) return REFUSED
      if (output === null && kept !== item) {
        output = []
        for (let j = 0; j < i; j++) output.push(value[j])
      }
      if (output !== null) output.push(kept)
    }
    return output ?? value
  }
}

function enumReader(def: AnyDef): Read {
  const allowed = new Set(Object.values(def.entries ?? {}))
  return (value) => (allowed.has(value as string | number) ? value : REFUSED)
}

function readerOf(schema: z.ZodType): Read {
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      return stringReader(def)
    case 'number':
      return numberReader(def)
    case 'boolean':
      refuseChecks(def)
      return (value) => (typeof value === 'boolean' ? value : REFUSED)
    case 'enum':
      return enumReader(def)
    case 'object':
      return objectReader(def)
    case 'array':
      return arrayReader(def)
    case 'optional': {
      const read = readerOf(def.innerType!)
      return (value) => (value === undefined ? undefined : read(value))
    }
    default:
      throw new UnsupportedSchema(`the schema kind ${def.type}`)
  }
}

/**
 * A reader giving what `schema.safeParse(value).data` would (unknown keys stripped), or
 * `REFUSED` where zod would refuse the value.
 */
export function fastReader<S extends z.ZodType>(schema: S): FastReader<z.output<S>> {
  return readerOf(schema) as FastReader<z.output<S>>
}
