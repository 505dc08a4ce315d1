import { formatRatio, formatValue, markdownTable } from './results-table'
import type { ResultsFile } from './results-file'
import type { FigureSummary } from './summary'
import { UNSTABLE_SPREAD } from './statistics'

/** What every run measures the same way, that no single figure's note says. */
const METHOD = [
  'Browser figures use the Chromium the end-to-end tests use, headless, one fresh profile (empty cache and IndexedDB) per page load, a 1400×900 viewport and an English UI, against the real `hamish serve` on loopback; the app and its baseline alternate run by run. Each timed load starts once the machine has been quiet for 200 ms (under a quarter of its processor time busy; at most 5 s of waiting): a new profile keeps both cores busy for about a second after it is made, which otherwise fell on a page loaded at once after a short set-up and not on one loaded after a long set-up.',
  'Playwright drives those pages through the DevTools protocol, and with it attached V8 finds the line of every frame of each new Error and of each request’s initiator, which a reader’s browser does not: for a frame at the top level of a script that means parsing the script’s whole top level again. The app keeps such frames out of its own file, but React, which makes some Errors as it starts, still costs each first visit 40 to 60 ms under the driver that it does not cost a reader.',
  'The synthetic seminar is generated with a fixed seed (`bench/synthetic-seminar.ts`): 60 students × 80 annotations (about 40% highlights, 60% comments with Arabic and English bodies and tags) on random passages of the bundled article, plus 2,000 replies, written through `AnnotationStore`.',
  'Scale: the app shows only its reader’s own documents today, and refuses an entry whose author is not the owner of the document holding it, so for Scale the whole seminar is written as the reader (author = the reader’s user id) under the 60 students’ display names, merged into the reader’s class document and put into IndexedDB before the page loads. Every annotation is therefore the reader’s own: the margin shows edit controls on each card, and there is one author colour.',
  'Storage reopens the seminar as a synced member would hold it: the article document and the 60 students’ class documents, each in its own y-indexeddb database.',
  'Sync runs `hamish serve` (the built CLI) and the y-websocket reference server (`@y/websocket-server`, in memory) each in a child process on loopback, one after the other, with every member’s clients (real `@hocuspocus/provider` or `y-websocket` providers) in the benchmark’s process: the quick run has 20 members × 10 comments, the full run 100 × 50. Each member writes its own class document and reads the next 5 members’ (a ring), so each write is awaited by 5 replicas; each Sync figure is one session (its percentiles are over all arrivals in it), not a median of runs.',
  'Server cold start spawns `hamish serve` over a data folder holding 100 seminars created through the seminar API, and times it to its first answer on `/api/health`; its baseline is the same start over a data folder with no seminars (started once before, so both open an existing database). The note gives the time to read the database file’s bytes raw as the floor.',
  'Node figures (Export and import, Anchoring, Document size) run in the benchmark’s own Node process.',
]

function bySummary(summaries: readonly FigureSummary[], id: string): FigureSummary | undefined {
  return summaries.find((summary) => summary.id === id)
}

function valueOf(summary: FigureSummary): string {
  if (!summary.measured || !summary.unit) return '—'
  return formatValue(summary.measured.median, summary.unit)
}

function missDescription(summary: FigureSummary): string {
  const over = summary.overTarget === null ? '' : ` — ${formatRatio(summary.overTarget)} the target`
  const shown =
    summary.target?.includes('baseline') && summary.ratio !== null
      ? `${formatRatio(summary.ratio)} its baseline`
      : valueOf(summary)
  return `${summary.name}: ${shown} against ${summary.target ?? 'its target'}${over}`
}

/** A few sentences on what the figures mean, written from whichever of them were measured. */
function interpretation(summaries: readonly FigureSummary[]): string[] {
  const sentences: string[] = []
  const open = bySummary(summaries, 'open.interactive')
  if (open?.ratio != null) {
    sentences.push(
      `Opening the bundled article takes ${formatRatio(open.ratio)} as long as the static page of the same text, which has the same stylesheet and fonts but no script: the difference is what the app does before the text shows (loading its bundle, starting React and the editor, reading or seeding IndexedDB).`,
    )
  }
  const scaleOpen = bySummary(summaries, 'scale.open')
  const scaleComplete = bySummary(summaries, 'scale.complete')
  if (scaleOpen?.ratio != null && scaleOpen.measured) {
    const longest = bySummary(summaries, 'scale.longest-task-drawing')
    const slices = longest?.measured ? ` (the longest task meanwhile: ${valueOf(longest)})` : ''
    const rest = scaleComplete?.measured
      ? `; the highlights beyond the first screen are drawn a slice at a time after that, all of them by ${valueOf(scaleComplete)}${slices}`
      : ''
    sentences.push(
      `With the seminar’s 4,800 annotations and 2,000 replies the reader becomes interactive (the first screen’s highlights and cards drawn) in ${valueOf(scaleOpen)} on a first visit, ${formatRatio(scaleOpen.ratio)} the time without annotations${rest}.`,
    )
  }
  const returning = bySummary(summaries, 'scale.open-returning')
  if (returning?.ratio != null && returning.measured) {
    sentences.push(
      `A returning reader, whose browser has the app’s files and their compiled code cached as the desktop app always has, gets there in ${valueOf(returning)} (${formatRatio(returning.ratio)} a returning reader without annotations): the difference from a first visit is mostly compiling the app’s script.`,
    )
  }
  const atIssueCount = bySummary(summaries, 'scale.open-issue-count')
  const atIssueCountReturning = bySummary(summaries, 'scale.open-returning-issue-count')
  if (atIssueCount?.ratio != null && atIssueCountReturning?.ratio != null) {
    sentences.push(
      `At issue 3’s own count, 5,000 annotations, a first visit is interactive in ${valueOf(atIssueCount)} (${formatRatio(atIssueCount.ratio)} the empty reader) and a returning reader in ${valueOf(atIssueCountReturning)} (${formatRatio(atIssueCountReturning.ratio)}).`,
    )
  }
  const unindexed = bySummary(summaries, 'scale.open-issue-count-unindexed')
  if (unindexed?.ratio != null && unindexed.measured) {
    sentences.push(
      `Those opens draw the first screen from the first-screen index the app keeps beside each of the reader’s documents, reading only the entries near the screen, and read the documents whole after it. Where the index cannot be trusted (another window wrote since, or the documents come from a version before it) the documents are read first, and a first visit takes ${valueOf(unindexed)} (${formatRatio(unindexed.ratio)}).`,
    )
  }
  const keystroke = bySummary(summaries, 'scale.keystroke-p50')
  const keystrokeTail = bySummary(summaries, 'scale.keystroke-p95')
  if (keystroke?.ratio != null && keystrokeTail?.ratio != null) {
    sentences.push(
      `Typing a comment beside them costs ${valueOf(keystroke)} per key at the median (${formatRatio(keystroke.ratio)} the empty reader) and ${valueOf(keystrokeTail)} at the 95th percentile (${formatRatio(keystrokeTail.ratio)}).`,
    )
  }
  const exported = bySummary(summaries, 'export.markdown')
  if (exported?.ratio != null) {
    sentences.push(
      `Exporting 5,000 annotations as Markdown takes ${valueOf(exported)}, ${formatRatio(exported.ratio)} the time \`JSON.stringify\` needs for the same data.`,
    )
  }
  const imported = bySummary(summaries, 'import.w3c')
  if (imported?.ratio != null) {
    sentences.push(
      `Importing them back from W3C JSON takes ${valueOf(imported)}, ${formatRatio(imported.ratio)} \`JSON.parse\` of the same text: most of it is anchoring each quote in the article.`,
    )
  }
  const propagation = bySummary(summaries, 'sync.propagation-p95')
  const cpu = bySummary(summaries, 'sync.server-cpu')
  if (propagation?.ratio != null && cpu?.ratio != null) {
    sentences.push(
      `In Sync, a comment reaches the members reading it in ${valueOf(propagation)} at the 95th percentile (${formatRatio(propagation.ratio)} the reference server), and the Hamish server spends ${formatRatio(cpu.ratio)} the reference server’s CPU time carrying the same updates, with authentication and SQLite persistence that the reference does not have.`,
    )
  }
  const coldStart = bySummary(summaries, 'storage.server-cold-start')
  if (coldStart?.ratio != null) {
    sentences.push(
      `With 100 seminars stored, the server starts in ${valueOf(coldStart)}, ${formatRatio(coldStart.ratio)} its start with none stored.`,
    )
  }
  const size = bySummary(summaries, 'size.per-annotation')
  if (size?.ratio != null) {
    sentences.push(
      `Stored as Yjs, an annotation takes ${formatRatio(size.ratio)} the bytes of its JSON.`,
    )
  }
  const reanchor = bySummary(summaries, 'anchoring.reanchor.time')
  const orphaned = bySummary(summaries, 'anchoring.reanchor.orphaned')
  if (reanchor?.measured && orphaned?.measured) {
    sentences.push(
      `After 200 edits of the article, re-anchoring 5,000 annotations takes ${valueOf(reanchor)} and leaves ${valueOf(orphaned)} orphaned (exact search alone would lose ${orphaned.baseline ? formatValue(orphaned.baseline.median, '%') : '—'}).`,
    )
  }
  return sentences
}

function reading(summaries: readonly FigureSummary[]): string {
  const met = summaries.filter((s) => s.verdict === 'meets')
  const missed = summaries.filter((s) => s.verdict === 'MISSES target')
  const pending = summaries.filter((s) => s.verdict === 'not yet measured')
  const unstable = summaries.filter((s) => s.unstable)
  const list = (items: string[]) => (items.length === 0 ? 'none.' : `${items.join('; ')}.`)
  const lines = [
    `- **Targets met:** ${list(met.map((s) => `${s.name} (${s.target?.includes('baseline') && s.ratio !== null ? formatRatio(s.ratio) : valueOf(s)}, target ${s.target})`))}`,
    `- **Targets missed:** ${list(missed.map(missDescription))}`,
    `- **Not yet measured:** ${list(pending.map((s) => `${s.name} (${s.reason})`))}`,
    `- **Unstable** (runs disagree: largest over smallest > ${UNSTABLE_SPREAD.maxOverMin} or coefficient of variation > ${UNSTABLE_SPREAD.coefficientOfVariation}): ${list(unstable.map((s) => s.name))}`,
  ]
  const words = interpretation(summaries)
  return words.length === 0 ? lines.join('\n') : `${lines.join('\n')}\n\n${words.join(' ')}`
}

function runLine(results: ResultsFile): string {
  const { machine, revision } = results
  const commit = revision.commit
    ? `commit \`${revision.commit.slice(0, 12)}\`${revision.uncommittedChanges ? ' with uncommitted changes' : ''}`
    : 'no git revision'
  const memory = `${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB RAM`
  const chromium = machine.chromium ? `Chromium ${machine.chromium}` : 'no browser run'
  return `**Latest run:** ${results.date} · ${results.mode} mode · ${commit} · ${machine.cpuCount} × ${machine.cpuModel}, ${memory}, ${machine.os}, Node ${machine.node}, ${chromium}.`
}

/** docs/benchmarks.md: the latest table and a short reading of it. */
export function benchmarksDoc(results: ResultsFile, summaries: readonly FigureSummary[]): string {
  const notes = summaries.filter((s) => s.note !== null).map((s) => `- **${s.name}:** ${s.note}.`)
  return `# Benchmarks

\`npm run bench\` measures Hamish side by side with a baseline taken in the same run, and writes this
page and \`bench/results.json\` (every run of every figure, the machine, the date and the git
revision). \`npm run bench -- --quick\` repeats less and finishes in under three minutes;
\`--only <name>\` runs one benchmark and prints its table without writing either file. Timing
belongs here, as ratios measured in one run, not in tests: this machine is shared and noisy.
To see where an open's time goes, \`npm run profile:open\` traces the Scale benchmark's first visit
and lists the page's main-thread time by function in the sources, before the text shows and
from then to interactive (\`--empty\`, \`--returning\`; \`--help\` for the rest). To judge a
change, \`npm run bench:compare -- <before> <after>\` opens the reader from two builds of the web
app in turn and prints the median of each round's difference, which drifts far less with the
machine's load than either median does.
This page is generated by \`bench/harness/benchmarks-doc.ts\`; edit that, not this file.

${runLine(results)}

${markdownTable(summaries)}

Each figure is the median of its runs (warm-up runs left out), with the smallest and largest
run; the baseline is measured in the same run, and the ratio is the median over the baseline's
median. A target stated as a ratio is checked against the ratio, any other against the median.

## Reading

${reading(summaries)}

## How the figures are measured

${[...METHOD.map((line) => `- ${line}`), ...notes].join('\n')}
`
}
