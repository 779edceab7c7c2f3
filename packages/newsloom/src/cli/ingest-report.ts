import type { Diagnostic } from '@newsloom/core';
import type { IngestResult } from '../pipeline/ingest';
import { EXIT_CODES } from './exit-codes';
import { firstLines, plural } from './text';

/** How to let the CLI fetch feeds on loopback, private or link-local addresses. */
export const PRIVATE_NETWORK_HINT =
  'pass --allow-private-network (or set "feeds": { "allowPrivateNetwork": true } in newsloom.config.json) for intranet or local feeds';

/** A diagnostic's message in CLI terms: the SSRF guard's hint names the CLI's flag and key. */
function cliMessage(d: Diagnostic): string {
  return d.message.replace(
    /Pass allowPrivateNetwork: true[^.]*\.?/,
    `To fetch it, ${PRIVATE_NETWORK_HINT}.`,
  );
}

/** Error lines `  CODE: message` of the given diagnostics. */
function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `  ${d.code}: ${cliMessage(d)}`);
}

/**
 * An ingest result's one summary line: counts, feeds, failed feeds.
 * @example console.log(ingestSummary(await pipeline.ingestFeeds()))
 */
export function ingestSummary(result: IngestResult): string {
  const counts = `${plural(result.inserted, 'new article')}, ${result.updated} updated, ${result.unchanged} unchanged`;
  const feeds = result.feeds ? ` from ${plural(result.feeds, 'feed')}` : '';
  const failed = result.failedFeeds ? ` (${result.failedFeeds} failed)` : '';
  const duplicates = result.duplicateUrls
    ? `; ${plural(result.duplicateUrls, 'duplicate URL')} skipped`
    : '';
  return `${counts}${feeds}${failed}${duplicates}`;
}

/**
 * What an ingest's problems print on stderr: a line per failed fetch and per bad item (the
 * first 10 and "… and N more", or all with `verbose`), then, when every feed failed, the line
 * that says why; with its exit code (0 when some feed worked).
 * @example const { lines, code } = ingestProblems(result, false)
 */
export function ingestProblems(
  result: IngestResult,
  verbose: boolean,
): { lines: string[]; code: number } {
  const failure = allFailed(result);
  const errors = lines(result.diagnostics);
  const shown = verbose ? errors : failure ? [] : firstLines(errors, 10, '  ');
  const heading =
    shown.length > 0 ? [`newsloom: ${plural(errors.length, 'error')} while ingesting:`] : [];
  const last = failure ? [`newsloom: ${failure.line}`] : [];
  return { lines: [...heading, ...shown, ...last], code: failure?.code ?? EXIT_CODES.ok };
}

/** The HTTP status a failed fetch got, when the server answered at all. */
function httpStatusOf(d: Diagnostic): number | undefined {
  const details = (d.cause as { details?: { status?: unknown } } | undefined)?.details;
  return typeof details?.status === 'number' ? details.status : undefined;
}

const INPUT_CODES = new Set(['NOT_A_FEED', 'FEED_PARSE_ERROR', 'INPUT_TOO_LARGE']);

/** The error diagnostic of each failed feed (its first error). */
function failures(result: IngestResult): Diagnostic[] {
  const bySubject = new Map<string, Diagnostic>();
  for (const d of result.diagnostics)
    if (d.severity === 'error' && d.subject && !bySubject.has(d.subject))
      bySubject.set(d.subject, d);
  return [...bySubject.values()];
}

/*
 * When every feed failed: the final line and exit code, telling the SSRF guard's refusals, files
 * that are not feeds and network failures apart. Undefined when some feed worked.
 * @example const failure = allFailed(result)
 */
function allFailed(result: IngestResult): { line: string; code: number } | undefined {
  if (result.feeds === 0 || result.failedFeeds < result.feeds) return undefined;
  const failed = failures(result);
  const all = result.feeds === 1 ? 'the feed' : `every feed (${result.feeds})`;
  if (failed.length > 0 && failed.every((d) => d.code === 'BLOCKED_ADDRESS'))
    return {
      line: `${all} was refused by the SSRF guard (a loopback, private or link-local address): ${PRIVATE_NETWORK_HINT}`,
      code: EXIT_CODES.network,
    };
  const local = failed.every((d) => d.subject?.startsWith('file:') || INPUT_CODES.has(d.code));
  if (failed.length > 0 && local) {
    const first = failed[0]!;
    const also = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'other')})` : '';
    return {
      line: `${all} could not be read: ${first.subject}${also}: ${cliMessage(first)}`,
      code: EXIT_CODES.input,
    };
  }
  const first = failed[0];
  const example = first ? ` (first: ${first.subject}: ${cliMessage(first)})` : '';
  if (failed.length > 0 && failed.every(httpStatusOf))
    return {
      line: `${all} answered with an HTTP error${example}: check the feed URLs; --verbose lists each feed's error`,
      code: EXIT_CODES.network,
    };
  return {
    line: `${all} failed to fetch${example}: check your network connection and the feed URLs; --verbose lists each feed's error`,
    code: EXIT_CODES.network,
  };
}
