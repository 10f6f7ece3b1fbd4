import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ExportPage, type ExportPageState, type PageFacts } from '../../components/export/ExportPage';
import { createPortAsk, type PortAsk } from '../../lib/core/messaging/port-ask';
import type { ExportPortRequests } from '../../lib/features/export/background/port-requests';
import { EXPORT_PORT_NAME } from '../../lib/features/export/export-port-name';
import type { ExportPageData } from '../../lib/features/export/export-page-data';
import { createZipWriter } from '../../lib/features/export/files/zip-writer';
import type { ExportChoices } from '../../lib/features/export/job/export-choices';
import { runExport } from '../../lib/features/export/job/export-job';
import { siteAttachmentUrl } from '../../lib/features/export/job/page-documents';
import { domHtmlRenderer } from '../../lib/features/export/page/dom-html-renderer';
import { readExportAddress, type ExportAddress } from '../../lib/features/export/page/export-address';
import { portExportSource } from '../../lib/features/export/page/port-source';
import { PolicyScope } from '../../components/policy/OrganisationPolicy';
import type { BackgroundMessages } from '../../lib/background';
import { createAsk } from '../../lib/core/messaging/ask';
import { NO_POLICY, type PolicyView } from '../../lib/features/policy/policy-view';
import { watchPolicy } from '../../lib/features/policy/watch-policy';
import '../popup/style.css';
import './style.css';

const html = domHtmlRenderer(window);
// Storage goes through the DOM-free storage parser (faster than DOMParser's XML mode).
const env = { html };

function openPort(onReconnect: (count: number) => void): PortAsk<ExportPortRequests> {
  return createPortAsk<ExportPortRequests>(() => browser.runtime.connect({ name: EXPORT_PORT_NAME }), { onReconnect });
}

function factsOf(page: ExportPageData, host: string): PageFacts {
  return { host, title: page.title, spaceKey: page.spaceKey, webUrl: page.webUrl };
}

function defaultChoices(address: ExportAddress): ExportChoices {
  return address.scope === 'tree' ? { scope: 'tree', formats: ['markdown'], attachments: true } : { scope: 'page', formats: ['markdown'], attachments: false };
}

function App({ address }: { address: ExportAddress }) {
  const [state, setState] = useState<ExportPageState>({ status: 'loading', title: address.title });
  const [printing, setPrinting] = useState<string | undefined>();
  const reconnects = useRef(0);
  const port = useRef<PortAsk<ExportPortRequests>>(openPort((n) => (reconnects.current = n)));
  const running = useRef<AbortController | undefined>(undefined);
  const root = useRef<ExportPageData | undefined>(undefined);
  const objectUrl = useRef<string | undefined>(undefined);

  useEffect(() => {
    void (async () => {
      try {
        const token = await port.current.ask('export-token', { host: address.host });
        if (!token.ok) return setState({ status: 'unavailable', sentence: token.failure.message, fix: token.failure.fix });
        const read = await port.current.ask('export-page', { host: address.host, contentId: address.contentId });
        if (!read.ok) return setState({ status: 'unavailable', sentence: read.failure.message, fix: read.failure.fix });
        root.current = read.page;
        document.title = `Export “${read.page.title}”`;
        setState({ status: 'choosing', page: factsOf(read.page, address.host), tokenLabel: token.tokenLabel, choices: defaultChoices(address) });
      } catch (error) {
        setState({ status: 'unavailable', sentence: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, []);

  async function save(file: { name: string; blob: Blob }) {
    setState((s) => (s.status === 'finished' ? { ...s, saved: { state: 'saving' } } : s));
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = URL.createObjectURL(file.blob);
    try {
      // No saveAs: the browser's own "ask where to save" setting decides.
      await browser.downloads.download({ url: objectUrl.current, filename: file.name, conflictAction: 'uniquify' });
      setState((s) => (s.status === 'finished' ? { ...s, saved: { state: 'saved', name: file.name } } : s));
    } catch (error) {
      const sentence = `The browser did not save the file: ${error instanceof Error ? error.message : String(error)}`;
      setState((s) => (s.status === 'finished' ? { ...s, saved: { state: 'failed', sentence } } : s));
    }
  }

  async function start() {
    if (state.status !== 'choosing' && state.status !== 'finished') return;
    const { page, tokenLabel, choices } = state;
    const controller = new AbortController();
    running.current = controller;
    reconnects.current = 0;
    setPrinting(undefined);
    setState({ status: 'running', page, tokenLabel, choices, reconnects: 0 });
    const result = await runExport(address.host, address.contentId, choices, {
      source: portExportSource(port.current, address.host),
      env,
      createZip: () => createZipWriter(),
      now: () => Date.now(),
      signal: controller.signal,
      ...(root.current ? { rootPage: root.current } : {}),
      onProgress: (progress) => setState((s) => (s.status === 'running' ? { ...s, progress, reconnects: reconnects.current } : s)),
    });
    running.current = undefined;
    if (controller.signal.aborted) {
      // The old port was closed to stop the background's work; later requests need a new one.
      port.current = openPort((n) => (reconnects.current = n));
    }
    setState({ status: 'finished', page, tokenLabel, choices, result });
    void port.current
      .ask('export-done', {
        host: address.host,
        rootId: address.contentId,
        outcome: result.outcome,
        pages: result.pages,
        failed: result.failures.length,
        attachments: result.attachments,
        calls: result.stats.calls,
        rateLimited: result.stats.rateLimited,
        durationMs: result.stats.durationMs,
      })
      .catch(() => undefined);
    if (result.file) await saveAfterRender(result.file);
  }

  // The result is on screen first, so "Saved as…" lands on it.
  const saveAfterRender = (file: { name: string; blob: Blob }) => new Promise<void>((resolve) => setTimeout(() => void save(file).finally(resolve), 0));

  function cancel() {
    running.current?.abort();
    // Closing the port aborts the background's calls in flight: nothing more reaches Confluence.
    port.current.close();
  }

  function print() {
    const page = root.current;
    if (!page) return;
    setPrinting(html.document(page, { attachment: (name) => siteAttachmentUrl(page, name) }, { print: true }));
  }

  return (
    <>
      <ExportPage
        state={state}
        actions={{
          setChoices: (choices) => setState((s) => (s.status === 'choosing' || s.status === 'finished' ? { ...s, status: 'choosing', choices } : s)),
          start: () => void start(),
          cancel,
          save: () => state.status === 'finished' && state.result.file && void save(state.result.file),
          again: () => setState((s) => (s.status === 'finished' ? { status: 'choosing', page: s.page, tokenLabel: s.tokenLabel, choices: s.choices } : s)),
          print,
        }}
      />
      {printing !== undefined ? <PrintView html={printing} /> : null}
    </>
  );
}

/** The print view: the sanitized page with print styles, in a frame that runs no script; its print dialog opens at once. */
function PrintView({ html: doc }: { html: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <section class="export print-preview" data-testid="print-view" aria-label="Print view">
      <iframe
        ref={frame}
        title="Print view"
        sandbox="allow-same-origin allow-modals"
        srcDoc={doc}
        onLoad={() => {
          try {
            frame.current?.contentWindow?.print();
          } catch {
            // A browser that refuses leaves the view on screen: the person prints it themselves.
          }
        }}
      />
    </section>
  );
}

const app = document.getElementById('app')!;
const address = readExportAddress(location.search);
const ask = createAsk<BackgroundMessages>((message) => browser.runtime.sendMessage(message));

/**
 * The page's root: the organisation's help next to every failure here (read once: an export is
 * short-lived). Its children are made here, so a policy read later renders them again.
 */
function Root() {
  const [policy, setPolicy] = useState<PolicyView>(NO_POLICY);
  useEffect(() => void watchPolicy({ read: () => ask('policy-get'), onPolicy: setPolicy }), []);
  return (
    <PolicyScope value={policy}>
      {address.ok ? (
        <App address={address.address} />
      ) : (
        <ExportPage state={{ status: 'unavailable', sentence: address.sentence }} actions={{ setChoices() {}, start() {}, cancel() {}, save() {}, again() {}, print() {} }} />
      )}
    </PolicyScope>
  );
}

render(<Root />, app);
