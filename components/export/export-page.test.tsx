import { describe, expect, it, vi } from 'vitest';
import type { ExportChoices } from '../../lib/features/export/job/export-choices';
import type { ExportJobResult } from '../../lib/features/export/job/export-job';
import { progressSentence, type ExportProgress } from '../../lib/features/export/tree/export-progress';
import { byTestId, expand, findAll, fire, one, textOf, type Element, type Node } from '../shared/vnode-tree.test-helper';
import { ExportPage, type ExportPageActions, type ExportPageState, type PageFacts } from './ExportPage';

const HOST = 'acme.atlassian.net';
const page: PageFacts = { host: HOST, title: 'Handbook', spaceKey: 'ENG', webUrl: `https://${HOST}/wiki/spaces/ENG/pages/100/Handbook` };
const pageChoices: ExportChoices = { scope: 'page', formats: ['markdown'], attachments: false };
const treeChoices: ExportChoices = { scope: 'tree', formats: ['markdown'], attachments: true };

function actionsSpy() {
  return { setChoices: vi.fn(), start: vi.fn(), cancel: vi.fn(), save: vi.fn(), again: vi.fn(), print: vi.fn() } satisfies ExportPageActions;
}

const render = (state: ExportPageState, actions: ExportPageActions = actionsSpy()) => expand(<ExportPage state={state} actions={actions} />);
const choosing = (choices: ExportChoices = pageChoices): ExportPageState => ({ status: 'choosing', page, tokenLabel: 'Alice (read-only)', choices });

const inputs = (nodes: Node[], name: string) => findAll(nodes, (e) => e.tag === 'input' && e.props.name === name);
const input = (nodes: Node[], name: string, value?: string): Element => {
  const found = inputs(nodes, name).filter((e) => value === undefined || e.props.value === value);
  if (found.length !== 1) throw new Error(`expected one input ${name}=${value ?? '*'}, found ${found.length}`);
  return found[0]!;
};
const fieldsets = (nodes: Node[]) => findAll(nodes, (e) => e.tag === 'fieldset');
const errorTexts = (nodes: Node[]) => findAll(nodes, (e) => e.props.class === 'error-text').map((e) => textOf(e.children));

function result(over: Partial<ExportJobResult> = {}): ExportJobResult {
  return {
    outcome: 'done',
    rootTitle: 'Handbook',
    pages: 1,
    attachments: 0,
    failures: [],
    unconverted: [],
    stats: { calls: 1, rateLimited: 0, durationMs: 420 },
    ...over,
  };
}

const finished = (r: ExportJobResult, choices: ExportChoices = pageChoices, saved?: Extract<ExportPageState, { status: 'finished' }>['saved']): ExportPageState => ({
  status: 'finished',
  page,
  tokenLabel: 'Alice (read-only)',
  choices,
  result: r,
  ...(saved ? { saved } : {}),
});

describe('ExportPage while loading and when unavailable', () => {
  it('loading: the title from the address, busy, nothing to choose yet', () => {
    const nodes = render({ status: 'loading', title: 'Handbook' });
    const main = findAll(nodes, (e) => e.tag === 'main')[0]!;
    expect(main.props['aria-busy']).toBe('true');
    expect(textOf(findAll(nodes, (e) => e.tag === 'h1')[0]!.children)).toBe('Export “Handbook”');
    expect(textOf(nodes)).toContain('Reading the page…');
    expect(byTestId(nodes, 'export-choices')).toEqual([]);
  });

  it('loading without a title says only Export', () => {
    expect(textOf(findAll(render({ status: 'loading' }), (e) => e.tag === 'h1')[0]!.children)).toBe('Export');
  });

  it('unavailable: the sentence and the fix, as an alert, and no choices', () => {
    const nodes = render({ status: 'unavailable', sentence: 'No saved token is meant for acme.atlassian.net.', fix: 'Add a token in the options.' });
    const notice = one(nodes, 'export-unavailable');
    expect(notice.props.role).toBe('alert');
    expect(textOf(notice.children)).toBe('No saved token is meant for acme.atlassian.net. Add a token in the options.');
    expect(byTestId(nodes, 'export-choices')).toEqual([]);
    expect(textOf(one(render({ status: 'unavailable', sentence: 'The address names no page.' }), 'export-unavailable').children)).toBe('The address names no page.');
  });
});

describe('ExportPage choosing', () => {
  it('shows the page, the token and the defaults: this page, Markdown, no attachments, one file', () => {
    const nodes = render(choosing());
    const link = findAll(nodes, (e) => e.tag === 'a' && e.props.href === page.webUrl)[0]!;
    expect(textOf(link.children)).toBe('Handbook');
    expect(link.props).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });
    expect(textOf(nodes)).toContain('Space ENG on acme.atlassian.net, with the token “Alice (read-only)”.');
    expect(input(nodes, 'scope', 'page').props.checked).toBe(true);
    expect(input(nodes, 'scope', 'tree').props.checked).toBe(false);
    expect(inputs(nodes, 'format').map((e) => [e.props.value, e.props.checked])).toEqual([
      ['markdown', true],
      ['html', false],
      ['storage', false],
      ['adf', false],
    ]);
    expect(input(nodes, 'attachments').props.checked).toBe(false);
    expect(textOf(nodes)).toContain('You get one file.');
    expect(one(nodes, 'export-start').props.disabled).toBe(false);
    expect(fieldsets(nodes).map((f) => f.props.disabled)).toEqual([false, false, false]);
    expect(errorTexts(nodes)).toEqual([]);
    expect(byTestId(nodes, 'export-progress')).toEqual([]);
    expect(byTestId(nodes, 'export-result')).toEqual([]);
  });

  it('a tree, or attachments, or two formats make a zip', () => {
    for (const choices of [treeChoices, { ...pageChoices, attachments: true }, { ...pageChoices, formats: ['markdown', 'html'] as ExportChoices['formats'] }]) {
      expect(textOf(render(choosing(choices))).includes('You get a zip.')).toBe(true);
    }
  });

  it('with no format: says to choose one, and the Export button does nothing', () => {
    const actions = actionsSpy();
    const nodes = render(choosing({ ...pageChoices, formats: [] }), actions);
    expect(errorTexts(nodes)).toEqual(['Choose at least one format.']);
    expect(one(nodes, 'export-start').props.disabled).toBe(true);
    const preventDefault = vi.fn();
    fire(one(nodes, 'export-choices'), 'onSubmit', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(actions.start).not.toHaveBeenCalled();
  });

  it('submitting starts the export, without the browser submitting the form', () => {
    const actions = actionsSpy();
    const preventDefault = vi.fn();
    fire(one(render(choosing(), actions), 'export-choices'), 'onSubmit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(actions.start).toHaveBeenCalledOnce();
  });

  it('each toggle hands back the whole new choice', () => {
    const actions = actionsSpy();
    const nodes = render(choosing(), actions);
    fire(input(nodes, 'format', 'html'), 'onChange', { currentTarget: { checked: true } });
    fire(input(nodes, 'format', 'markdown'), 'onChange', { currentTarget: { checked: false } });
    fire(input(nodes, 'scope', 'tree'), 'onChange');
    fire(input(nodes, 'attachments'), 'onChange', { currentTarget: { checked: true } });
    expect(actions.setChoices.mock.calls).toEqual([
      [{ scope: 'page', formats: ['markdown', 'html'], attachments: false }],
      [{ scope: 'page', formats: [], attachments: false }],
      [{ scope: 'tree', formats: ['markdown'], attachments: false }],
      [{ scope: 'page', formats: ['markdown'], attachments: true }],
    ]);
    fire(input(render(choosing(treeChoices), actions), 'scope', 'page'), 'onChange');
    expect(actions.setChoices).toHaveBeenLastCalledWith({ scope: 'page', formats: ['markdown'], attachments: true });
  });
});

describe('ExportPage running', () => {
  const progress: ExportProgress = { done: 12, total: 120, failed: 1, current: 'Release notes', pagesPerSecond: 3.1, secondsLeft: 35, rateLimited: 4, elapsedMs: 3870 };
  const running = (over: Partial<Extract<ExportPageState, { status: 'running' }>> = {}): ExportPageState => ({
    status: 'running',
    page,
    tokenLabel: 'Alice',
    choices: treeChoices,
    reconnects: 0,
    ...over,
  });

  it('shows n of N, the page, the pace and time left, and the choices locked', () => {
    const nodes = render(running({ progress }));
    const sentence = textOf(one(nodes, 'export-progress-sentence').children);
    expect(sentence).toBe(progressSentence(progress));
    expect(sentence).toBe('12 of 120 pages · 1 failed · “Release notes” · 3.1 pages/s · about 35 s left · 4 rate-limit waits ridden out');
    const bar = findAll(nodes, (e) => e.tag === 'progress')[0]!;
    expect(bar.props).toMatchObject({ max: 120, value: 12 });
    expect(one(nodes, 'export-progress').props['aria-live']).toBe('polite');
    expect(fieldsets(nodes).every((f) => f.props.disabled === true)).toBe(true);
    expect(one(nodes, 'export-start').props.disabled).toBe(true);
    expect(byTestId(nodes, 'export-result')).toEqual([]);
  });

  it('before the first progress: listing the tree, or reading the page', () => {
    expect(textOf(one(render(running()), 'export-progress-sentence').children)).toBe('Listing the pages below this one…');
    expect(textOf(one(render(running({ choices: pageChoices })), 'export-progress-sentence').children)).toBe('Reading the page…');
    expect(findAll(render(running()), (e) => e.tag === 'progress')[0]!.props).toMatchObject({ max: 1, value: 0 });
  });

  it('says when the background restarted and the export went on', () => {
    expect(textOf(render(running({ progress, reconnects: 2 })))).toContain('The extension’s background restarted 2 times; the export went on.');
    expect(textOf(render(running({ progress, reconnects: 1 })))).toContain('restarted 1 time;');
    expect(textOf(render(running({ progress })))).not.toContain('restarted');
  });

  it('Cancel cancels', () => {
    const actions = actionsSpy();
    fire(one(render(running({ progress }), actions), 'export-cancel'), 'onClick');
    expect(actions.cancel).toHaveBeenCalledOnce();
  });
});

describe('ExportPage finished', () => {
  const blob = new Blob(['x'.repeat(2048)]);

  it('done (tree): what was exported, Save with the name and size, no Print, failures and placeholders listed', () => {
    const actions = actionsSpy();
    const r = result({
      pages: 3,
      attachments: 2,
      file: { name: 'ENG - Handbook (tree).zip', blob },
      stats: { calls: 12, rateLimited: 4, durationMs: 1500 },
      tree: 'v2-descendants',
      failures: [
        { stage: 'page', id: '102', title: 'Deep Dive', reason: 'Confluence refused it.', fix: 'Ask for access.' },
        { stage: 'attachment', id: '100', title: 'Handbook', attachment: 'a.png', reason: 'The media host answered 403.', fix: 'Export again.' },
        { stage: 'tree', id: '100', title: 'Handbook', reason: 'The tree is larger than the 2 pages listed; the rest was not exported.' },
        { stage: 'page', id: '105', reason: 'No answer.' },
      ],
      unconverted: [{ pageId: '101', macro: 'drawio', count: 2 }],
    });
    const nodes = render(finished(r, treeChoices), actions);
    expect(one(nodes, 'export-result').props['data-outcome']).toBe('done');
    expect(textOf(one(nodes, 'export-outcome').children)).toBe('Exported 3 pages and 2 attachments in 1.5 s (12 calls, 4 rate-limit waits ridden out, tree read through v2 descendants).');
    expect(textOf(one(nodes, 'export-save').children)).toBe('Save ENG - Handbook (tree).zip (2.0 KiB)');
    expect(byTestId(nodes, 'export-print')).toEqual([]);
    expect(textOf(findAll(one(nodes, 'export-failures').children, (e) => e.tag === 'h3')[0]!.children)).toBe('Not exported (4)');
    expect(byTestId(nodes, 'export-failure').map((li) => textOf(li.children))).toEqual([
      '“Deep Dive”: Confluence refused it. Ask for access.',
      'a.png (on “Handbook”): The media host answered 403. Export again.',
      // The listing failed, not the root page it names.
      'The page tree: The tree is larger than the 2 pages listed; the rest was not exported.',
      'Page 105: No answer.',
    ]);
    expect(textOf(one(nodes, 'export-unconverted').children)).toContain('drawio × 2');
    fire(one(nodes, 'export-save'), 'onClick');
    fire(one(nodes, 'export-again'), 'onClick');
    expect(actions.save).toHaveBeenCalledOnce();
    expect(actions.again).toHaveBeenCalledOnce();
    // The choices stay visible but locked until "Export again".
    expect(fieldsets(nodes).every((f) => f.props.disabled === true)).toBe(true);
  });

  it('done (one page): singular words, no failures or placeholders sections, and Print', () => {
    const actions = actionsSpy();
    const nodes = render(finished(result({ file: { name: 'ENG - Handbook.md', blob: new Blob(['# Hi\n']) } })), actions);
    expect(textOf(one(nodes, 'export-outcome').children)).toBe('Exported 1 page in 0.4 s (1 call).');
    expect(textOf(one(nodes, 'export-save').children)).toBe('Save ENG - Handbook.md (5 bytes)');
    expect(byTestId(nodes, 'export-failures')).toEqual([]);
    expect(byTestId(nodes, 'export-unconverted')).toEqual([]);
    fire(one(nodes, 'export-print'), 'onClick');
    expect(actions.print).toHaveBeenCalledOnce();
  });

  it('sizes in MiB', () => {
    const big = { size: 3 * 1024 * 1024 + 1 } as Blob;
    expect(textOf(one(render(finished(result({ file: { name: 'x.zip', blob: big } }))), 'export-save').children)).toBe('Save x.zip (3.0 MiB)');
  });

  it('cancelled: says no file was made, no Save, no Print, and Export again', () => {
    const actions = actionsSpy();
    const nodes = render(finished(result({ outcome: 'cancelled', pages: 0 })), actions);
    expect(one(nodes, 'export-result').props['data-outcome']).toBe('cancelled');
    expect(textOf(one(nodes, 'export-outcome').children)).toBe('Export cancelled. No file was made.');
    expect(byTestId(nodes, 'export-save')).toEqual([]);
    expect(byTestId(nodes, 'export-print')).toEqual([]);
    fire(one(nodes, 'export-again'), 'onClick');
    expect(actions.again).toHaveBeenCalledOnce();
  });

  it('failed: the sentence as an alert, the failures and the placeholders listed', () => {
    const r = result({
      outcome: 'failed',
      pages: 0,
      sentence: 'Confluence says this page does not exist or the token may not see it. Open the page in the browser.',
      failures: [{ stage: 'page', id: '100', reason: 'Confluence says this page does not exist or the token may not see it.', fix: 'Open the page in the browser.' }],
      unconverted: [{ pageId: '100', macro: 'gliffy', count: 1 }],
    });
    const nodes = render(finished(r));
    const outcome = one(nodes, 'export-outcome');
    expect(outcome.props.role).toBe('alert');
    expect(textOf(outcome.children)).toBe(r.sentence);
    expect(byTestId(nodes, 'export-failure').map((li) => textOf(li.children))).toEqual([
      'Page 100: Confluence says this page does not exist or the token may not see it. Open the page in the browser.',
    ]);
    expect(textOf(one(nodes, 'export-unconverted').children)).toContain('gliffy × 1');
    expect(byTestId(nodes, 'export-save')).toEqual([]);
    expect(byTestId(nodes, 'export-print')).toEqual([]);
    // A failure without its own sentence still says something.
    expect(textOf(one(render(finished(result({ outcome: 'failed' }))), 'export-outcome').children)).toBe('The export failed.');
  });

  it('a page-scope zip that is done can be printed; a tree that is done cannot', () => {
    const zip = { name: 'ENG - Handbook.zip', blob };
    expect(byTestId(render(finished(result({ file: zip }), { ...pageChoices, attachments: true })), 'export-print')).toHaveLength(1);
    expect(byTestId(render(finished(result({ file: zip }), treeChoices)), 'export-print')).toEqual([]);
  });

  it('says where the file was saved, or why it was not', () => {
    const file = { name: 'ENG - Handbook.md', blob };
    expect(textOf(one(render(finished(result({ file }), pageChoices, { state: 'saved', name: 'ENG - Handbook.md' })), 'export-saved').children)).toBe('Saved as ENG - Handbook.md in your downloads.');
    const refused = render(finished(result({ file }), pageChoices, { state: 'failed', sentence: 'The browser did not save the file: Download canceled by the user.' }));
    expect(byTestId(refused, 'export-saved')).toEqual([]);
    const alert = findAll(refused, (e) => e.props.role === 'alert')[0]!;
    expect(textOf(alert.children)).toBe('The browser did not save the file: Download canceled by the user.');
    expect(byTestId(render(finished(result({ file }), pageChoices, { state: 'saving' })), 'export-saved')).toEqual([]);
  });
});
