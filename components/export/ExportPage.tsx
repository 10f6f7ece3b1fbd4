/*
 * The Export page's view: the choices, the progress of a running export and its result, failures
 * listed with their reasons. No API logic: entrypoints/export/main.tsx runs the job and passes
 * the state in.
 */
import type { ComponentChildren } from 'preact';
import { DOCUMENT_FORMATS, FORMAT_LABELS, type DocumentFormat, type ExportChoices } from '../../lib/features/export/job/export-choices';
import type { ExportJobResult } from '../../lib/features/export/job/export-job';
import type { ExportProgress } from '../../lib/features/export/tree/export-progress';
import { progressSentence } from '../../lib/features/export/tree/export-progress';
import { OrganisationHelp } from '../policy/OrganisationPolicy';

export type ExportPageState =
  | { status: 'loading'; title?: string | undefined }
  | { status: 'unavailable'; sentence: string; fix?: string | undefined }
  | { status: 'choosing'; page: PageFacts; tokenLabel: string; choices: ExportChoices }
  | { status: 'running'; page: PageFacts; tokenLabel: string; choices: ExportChoices; progress?: ExportProgress | undefined; reconnects: number }
  | { status: 'finished'; page: PageFacts; tokenLabel: string; choices: ExportChoices; result: ExportJobResult; saved?: SaveState | undefined };

export interface PageFacts {
  host: string;
  title: string;
  spaceKey?: string | undefined;
  webUrl: string;
}

export type SaveState = { state: 'saving' } | { state: 'saved'; name: string } | { state: 'failed'; sentence: string };

export interface ExportPageActions {
  setChoices(choices: ExportChoices): void;
  start(): void;
  cancel(): void;
  save(): void;
  again(): void;
  print(): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function bytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}

/** What a failure is about. A tree failure names the root too, but it is the listing that failed. */
function failureSubject(f: ExportJobResult['failures'][number]): string {
  if (f.attachment) return `${f.attachment} (on “${f.title ?? f.id}”)`;
  if (f.stage === 'tree') return 'The page tree';
  return f.title ? `“${f.title}”` : `Page ${f.id ?? ''}`;
}

function Header({ page, tokenLabel }: { page: PageFacts; tokenLabel: string }) {
  return (
    <header>
      <h1>
        Export “<a href={page.webUrl} target="_blank" rel="noopener noreferrer">{page.title}</a>”
      </h1>
      <p class="muted">
        {page.spaceKey ? `Space ${page.spaceKey} on ` : 'On '}
        {page.host}, with the token “{tokenLabel}”. The export only reads: read-only tokens can export.
      </p>
    </header>
  );
}

function Choices({ choices, disabled, actions }: { choices: ExportChoices; disabled: boolean; actions: ExportPageActions }) {
  const toggle = (format: DocumentFormat, on: boolean) => {
    const formats = on ? [...choices.formats, format] : choices.formats.filter((f) => f !== format);
    actions.setChoices({ ...choices, formats });
  };
  const none = choices.formats.length === 0;
  return (
    <form
      class="export-choices"
      data-testid="export-choices"
      onSubmit={(event) => {
        event.preventDefault();
        if (!none) actions.start();
      }}
    >
      <fieldset disabled={disabled}>
        <legend>What to export</legend>
        <label class="inline">
          <input type="radio" name="scope" value="page" checked={choices.scope === 'page'} onChange={() => actions.setChoices({ ...choices, scope: 'page' })} />
          This page
        </label>
        <label class="inline">
          <input type="radio" name="scope" value="tree" checked={choices.scope === 'tree'} onChange={() => actions.setChoices({ ...choices, scope: 'tree' })} />
          This page and every page below it (a zip with a folder per parent, an index and manifest.json)
        </label>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Formats</legend>
        {DOCUMENT_FORMATS.map((format) => (
          <label class="inline" key={format}>
            <input type="checkbox" name="format" value={format} checked={choices.formats.includes(format)} onChange={(event) => toggle(format, event.currentTarget.checked)} />
            {FORMAT_LABELS[format]}
          </label>
        ))}
        {none ? <p class="error-text">Choose at least one format.</p> : null}
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Files</legend>
        <label class="inline">
          <input type="checkbox" name="attachments" checked={choices.attachments} onChange={(event) => actions.setChoices({ ...choices, attachments: event.currentTarget.checked })} />
          Include attachments and images (links point to the files in the zip)
        </label>
        <p class="muted">
          {choices.scope === 'page' && !choices.attachments && choices.formats.length === 1
            ? 'You get one file.'
            : 'You get a zip. Images and attachments that are already compressed are stored as they are.'}
        </p>
      </fieldset>
      <div class="buttons">
        <button type="submit" disabled={disabled || none} data-testid="export-start">
          Export
        </button>
      </div>
    </form>
  );
}

function Progress({ progress, tree, reconnects, onCancel }: { progress: ExportProgress | undefined; tree: boolean; reconnects: number; onCancel(): void }) {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return (
    <section class="export-progress" aria-live="polite" data-testid="export-progress">
      <h2>Exporting…</h2>
      <progress max={Math.max(1, total)} value={done} aria-label="Pages exported" />
      <p data-testid="export-progress-sentence">{progress ? progressSentence(progress) : tree ? 'Listing the pages below this one…' : 'Reading the page…'}</p>
      {reconnects > 0 ? <p class="muted">The extension’s background restarted {plural(reconnects, 'time')}; the export went on.</p> : null}
      <div class="buttons">
        <button type="button" class="secondary" onClick={onCancel} data-testid="export-cancel">
          Cancel
        </button>
      </div>
    </section>
  );
}

function Result({ result, saved, actions, html }: { result: ExportJobResult; saved: SaveState | undefined; actions: ExportPageActions; html: boolean }) {
  const seconds = (result.stats.durationMs / 1000).toFixed(1);
  let headline: ComponentChildren;
  if (result.outcome === 'cancelled') headline = <p data-testid="export-outcome">Export cancelled. No file was made.</p>;
  else if (result.outcome === 'failed') headline = <p class="notice notice-error" role="alert" data-testid="export-outcome">{result.sentence ?? 'The export failed.'}</p>;
  else {
    headline = (
      <p data-testid="export-outcome">
        Exported {plural(result.pages, 'page')}
        {result.attachments > 0 ? ` and ${plural(result.attachments, 'attachment')}` : ''} in {seconds} s ({plural(result.stats.calls, 'call')}
        {result.stats.rateLimited > 0 ? `, ${plural(result.stats.rateLimited, 'rate-limit wait')} ridden out` : ''}
        {result.tree ? `, tree read through ${result.tree === 'v2-descendants' ? 'v2 descendants' : 'v1 descendant/page'}` : ''}).
      </p>
    );
  }
  return (
    <section class="export-result" data-testid="export-result" data-outcome={result.outcome}>
      <h2>Result</h2>
      {headline}
      {result.file ? (
        <div class="buttons">
          <button type="button" onClick={actions.save} data-testid="export-save">
            Save {result.file.name} ({bytes(result.file.blob.size)})
          </button>
          {html ? (
            <button type="button" class="secondary" onClick={actions.print} data-testid="export-print">
              Print / Save as PDF
            </button>
          ) : null}
        </div>
      ) : null}
      {saved?.state === 'saved' ? <p class="muted" data-testid="export-saved">Saved as {saved.name} in your downloads.</p> : null}
      {saved?.state === 'failed' ? <p class="error-text" role="alert">{saved.sentence}</p> : null}
      {result.failures.length > 0 ? (
        <div data-testid="export-failures">
          <h3>Not exported ({result.failures.length})</h3>
          <ul>
            {result.failures.map((f, i) => (
              <li key={i} data-testid="export-failure">
                <strong>{failureSubject(f)}</strong>: {f.reason}
                {f.fix ? ` ${f.fix}` : ''}
              </li>
            ))}
          </ul>
          <OrganisationHelp />
        </div>
      ) : null}
      {result.unconverted.length > 0 ? (
        <div data-testid="export-unconverted">
          <h3>Shown as placeholders</h3>
          <p class="muted">These macros have no Markdown form; each is a visible placeholder with a link to the page in Confluence.</p>
          <ul>
            {result.unconverted.map((u, i) => (
              <li key={i}>
                <code>{u.macro}</code> × {u.count}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="buttons">
        <button type="button" class="secondary" onClick={actions.again} data-testid="export-again">
          Export again
        </button>
      </div>
    </section>
  );
}

export function ExportPage({ state, actions }: { state: ExportPageState; actions: ExportPageActions }) {
  if (state.status === 'loading') {
    return (
      <main class="export" aria-busy="true">
        <h1>Export{state.title ? ` “${state.title}”` : ''}</h1>
        <p class="muted">Reading the page…</p>
      </main>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <main class="export">
        <h1>Export</h1>
        <p class="notice notice-error" role="alert" data-testid="export-unavailable">
          {state.sentence}
          {state.fix ? ` ${state.fix}` : ''}
        </p>
        <OrganisationHelp />
      </main>
    );
  }
  return (
    <main class="export">
      <Header page={state.page} tokenLabel={state.tokenLabel} />
      <Choices choices={state.choices} disabled={state.status !== 'choosing'} actions={actions} />
      {state.status === 'running' ? <Progress progress={state.progress} tree={state.choices.scope === 'tree'} reconnects={state.reconnects} onCancel={actions.cancel} /> : null}
      {state.status === 'finished' ? <Result result={state.result} saved={state.saved} actions={actions} html={state.result.outcome === 'done' && state.choices.scope === 'page'} /> : null}
    </main>
  );
}
