/**
 * User text (a file name, a person's name) set inside a sentence of the other direction, as a
 * first-strong isolate (FSI … PDI): "hypothesis.json" inside an Arabic sentence keeps its own
 * order and leaves the sentence's alone, as `<bdi>` does for text in its own element.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`
}
