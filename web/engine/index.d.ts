// Types for whosays' engine (web/engine/index.js). The result schema is the
// core's JSON output (docs/output.md); every offset is in UTF-16 code units of
// the block's text, so `block.text.slice(start, end)` is the claim's text.

/** A block kind, as the corpus spells it. */
export type BlockKind = 'title' | 'dateline' | 'caption' | 'heading' | 'paragraph' | 'quote' | 'list-item';

export interface Block {
  kind: BlockKind;
  text: string;
}

/** An article in the corpus format. Other fields (id, url, ...) are ignored. */
export interface Article {
  blocks: Block[];
  [metadata: string]: unknown;
}

export type ClaimKind = 'casualty' | 'responsibility';

/** The attribution verdict. */
export type Status = 'attributed' | 'vague' | 'unattributed';

/** How the attribution reached the claim. */
export type Route =
  | 'none' // no reporting frame (unattributed)
  | 'in_clause' // "X said that <claim>", "according to X, <claim>"
  | 'postposed' // "<claim>, X said"
  | 'quotation' // inside a quotation given to a speaker
  | 'carried_over' // "He added that <claim>", resolved to the previous source
  | 'hedge' // "reportedly", "allegedly"
  | 'passive' // "were reported", "is believed"
  | 'generic'; // "officials said", "witnesses said"

/** What a quantity counts; only `count` can be a casualty figure. */
export type QuantityKind = 'count' | 'age' | 'year' | 'time' | 'money' | 'population' | 'percent' | 'measure';

export interface Quantity {
  /** [start, end) in UTF-16 code units of the block's text. */
  start: number;
  end: number;
  text: string;
  /** Normalised bounds; equal for an exact figure. null only if not finite. */
  min: number | null;
  max: number | null;
  /** "at least", "around", "dozens", "some" ... */
  approximate: boolean;
  kind: QuantityKind;
}

export interface Claim {
  /** Index into the article's blocks. */
  block: number;
  /** [start, end) in UTF-16 code units of that block's text. */
  start: number;
  end: number;
  kinds: ClaimKind[];
  status: Status;
  /** Who the claim is attributed to, where the text names someone. */
  source: string | null;
  /** The reporting words ("said", "according to", "reportedly"). */
  cue: string | null;
  route: Route;
  /** The claim's text: the block's text from start to end. */
  text: string;
  quantities: Quantity[];
  /** Who acted (responsibility claims), where named. */
  agent: string | null;
  /** Who or what was hit, where named. */
  target: string | null;
  /** One sentence for the reader. */
  explanation: string;
}

export interface Summary {
  claims: number;
  attributed: number;
  vague: number;
  unattributed: number;
  casualty: number;
  responsibility: number;
  /** vague + unattributed: the warnings a reader sees. */
  flags: number;
}

export interface Result {
  /** In reading order: by block, then by start. */
  claims: Claim[];
  summary: Summary;
}

export interface AnalyzerOptions {
  /**
   * whosays-core.wasm already compiled (WebAssembly.compileStreaming, or a
   * module posted from another thread); nothing is fetched or compiled.
   */
  module?: WebAssembly.Module;
  /** The bytes of whosays-core.wasm; nothing is fetched when given. */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
  /**
   * Where to fetch whosays-core.wasm (resolved against this module's URL).
   * Default: beside this module; in node it is read from disk.
   */
  wasmUrl?: string | URL;
}

export interface Analyzer {
  /** The core's version, e.g. "0.1.0". */
  readonly version: string;
  /**
   * Analyses one article, given as an object or as its JSON text.
   * Lone UTF-16 surrogates in texts are read as U+FFFD (offsets unchanged).
   * @throws {WhosaysError} with the core's message on bad input (malformed
   * JSON, a missing or mistyped "blocks" array, an unknown block kind, an
   * article over 2 MiB of text or 20 000 blocks). The analyzer stays usable.
   */
  analyze(article: Article | string): Result;
}

/** An error from the engine: bad input, or a failure to load the module. */
export class WhosaysError extends Error {
  name: 'WhosaysError';
  /** On a load failure: true when a Content-Security-Policy refused the engine. */
  csp?: boolean;
}

/**
 * Loads the WebAssembly core and returns an analyzer. Works on a page, in a
 * module Web Worker, in an extension's module service worker and in node.
 * @throws {WhosaysError} when the module cannot be fetched or instantiated
 * (for example when the page's Content-Security-Policy lacks 'wasm-unsafe-eval').
 */
export function createAnalyzer(options?: AnalyzerOptions): Promise<Analyzer>;
