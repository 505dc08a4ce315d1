import { Command, InvalidArgumentError, Option } from 'commander'
import { reportError, reportUncaughtErrors } from './cli-errors'
import { guardStdout } from './cli-output'
import { EXPORT_FORMATS, runExport, type ExportFormat, type ExportSource } from './export-command'
import { ExitCode, HamishError } from './hamish-error'
import { runImportAnnotations } from './import-annotations-command'
import { IMPORT_OUTPUT_FORMATS, runImport, type ImportOutputFormat } from './import-command'
import { findHamishPackage } from './package-root'
import { runServe } from './serve-command'
import { parsePostgresUrl } from './storage/postgres/postgres-address'
import { parseRedisUrl } from './storage/redis-sync'
import { DEFAULT_HOST, DEFAULT_PORT } from './web-server'

/**
 * Runs the `hamish` command line and sets `process.exitCode`. Never throws and never prints a
 * stack trace unless HAMISH_DEBUG=1: every failure is one line on stderr.
 */
export async function runCli(argv: readonly string[] = process.argv): Promise<void> {
  guardStdout()
  reportUncaughtErrors()
  try {
    await createProgram(findHamishPackage().version).parseAsync([...argv])
    process.exitCode ??= 0
  } catch (error) {
    process.exitCode = reportError(error)
  }
}

function createProgram(version: string): Command {
  const program = new Command('hamish')
    .description('Hamish (هامش): read an article together and keep your notes in its margin.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    // Errors come back to `runCli` as exceptions, to be reported the same way as ours.
    .exitOverride()
    .showSuggestionAfterError(true)
  reportUsageErrorsAsOneLine(program)

  const importCommand = program
    .command('import')
    .description('read an article file (.txt, .md, .html) and print it as Hamish parsed it')
    .argument('<file>', 'the article file')
    .addOption(
      new Option('-f, --format <format>', 'what to print: the article JSON, or Markdown')
        .choices(IMPORT_OUTPUT_FORMATS)
        .default('json'),
    )
    .action((file: string, options: { format: ImportOutputFormat }) =>
      runImport(file, options.format),
    )

  const serveCommand = program
    .command('serve')
    .description('serve the web app, so that browsers can open the article')
    .option(
      '-p, --port <number>',
      'the port to listen on (0: any free port)',
      parsePort,
      DEFAULT_PORT,
    )
    .option(
      '--host <address>',
      'the address to listen on (0.0.0.0: every network)',
      parseHost,
      DEFAULT_HOST,
    )
    .option('--data <dir>', "where seminars are kept (default: this user's app-data folder)")
    .option('--article <file>', 'the article to serve (default: the bundled article)')
    .option('--web-root <dir>', 'serve the web app from this folder (default: the built one)')
    .option(
      '--public-url <url>',
      "the address students reach this server at, for seminar links (default: this computer's network address)",
      parsePublicUrl,
    )
    .option(
      '--database <url>',
      'keep seminars in this PostgreSQL database (postgres://user:password@host:5432/db), which several servers can share, instead of the data folder',
      asArgument(parsePostgresUrl),
    )
    .option(
      '--redis <url>',
      'pass live changes between the servers sharing --database through this Redis (redis://host:6379)',
      asArgument(parseRedisUrl),
    )
    .action(
      (options: {
        port: number
        host: string
        data?: string
        article?: string
        webRoot?: string
        publicUrl?: string
        database?: URL
        redis?: URL
      }) => runServe(options),
    )

  const exportCommand = program
    .command('export')
    .description("write a seminar's annotations from its store (with no server running on it)")
    .option('--data <dir>', 'the data folder the seminar server used')
    .option(
      '--database <url>',
      'read the seminar from this PostgreSQL database instead (servers may be running on it)',
      asArgument(parsePostgresUrl),
    )
    .requiredOption('--seminar <id>', 'the seminar')
    .addOption(
      new Option(
        '-f, --format <format>',
        "my notes, seminar notes, the instructor's collection, W3C JSON-LD, grading CSV",
      )
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option('--user <id>', 'whose export (required for md); by default what instructors see')
    .option('-o, --out <file>', 'write to this file instead of printing')
    .action(
      (options: {
        data?: string
        database?: URL
        seminar: string
        format: ExportFormat
        user?: string
        out?: string
      }) => runExport(exportSource(options)),
    )

  const importAnnotationsCommand = program
    .command('import-annotations')
    .description(
      "add W3C Web Annotation or Hypothesis JSON to a member's notes (with no server running)",
    )
    .argument('<file>', 'the annotations file')
    .requiredOption('--data <dir>', 'the data folder the seminar server used')
    .requiredOption('--seminar <id>', 'the seminar')
    .requiredOption('--user <id>', 'the member the annotations are added for')
    .action((file: string, options: { data: string; seminar: string; user: string }) =>
      runImportAnnotations({ ...options, file }),
    )

  reportUsageErrorsAsOneLine(importCommand)
  reportUsageErrorsAsOneLine(serveCommand)
  reportUsageErrorsAsOneLine(exportCommand)
  reportUsageErrorsAsOneLine(importAnnotationsCommand)
  return program
}

/** Commander's usage errors as one line that says where to look for the right usage. */
function reportUsageErrorsAsOneLine(command: Command): void {
  const name = command.parent ? `hamish ${command.name()}` : 'hamish'
  command.configureOutput({
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
    outputError: (text, write) => {
      const message = text
        .replace(/^error: /, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim()
      write(`hamish: ${/[.?!)]$/.test(message) ? message : `${message}.`} See "${name} --help".\n`)
    },
  })
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError('A port is a whole number from 0 to 65535 (0: any free port).')
  }
  return port
}

function parsePublicUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidArgumentError('Give a full address such as http://192.168.1.20:4321/.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('The public address must start with http:// or https://.')
  }
  url.search = ''
  url.hash = ''
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

/** Exactly one of --data and --database. */
function exportSource<T extends { data?: string; database?: URL }>(
  options: T,
): Omit<T, 'data' | 'database'> & ExportSource {
  const { data, database, ...rest } = options
  if (data !== undefined && database !== undefined) {
    throw new HamishError('pass --data or --database, not both.', ExitCode.usage)
  }
  if (database !== undefined) return { ...rest, database }
  if (data !== undefined) return { ...rest, data }
  throw new HamishError(
    'pass --data <dir> (the folder "hamish serve" used) or --database <url>.',
    ExitCode.usage,
  )
}

/** A parser that throws `TypeError` with its message, as Commander's argument parser. */
function asArgument<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value)
    } catch (error) {
      if (error instanceof TypeError) throw new InvalidArgumentError(error.message)
      throw error
    }
  }
}

function parseHost(value: string): string {
  const host = value.trim()
  if (host === '') throw new InvalidArgumentError('Give an address such as 127.0.0.1 or 0.0.0.0.')
  return host
}
