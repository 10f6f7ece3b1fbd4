// The stylesheet embedded in every standalone page: system fonts only (nothing to load),
// readable measure on screen, and Confluence's own class names (as export_view and the shared
// samples carry them) for panels, code, expands, status lozenges, tasks and layouts.

const BASE = `
:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 2rem 1.25rem 4rem; max-width: 50em;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif,
    "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  color: #172b4d; background: #fff;
  overflow-wrap: break-word;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
a { color: #0052cc; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.9em; } h2 { font-size: 1.5em; } h3 { font-size: 1.25em; } h4 { font-size: 1.1em; }
p, ul, ol, dl, blockquote, pre, table, details, figure { margin: 0 0 0.9em; }
img { max-width: 100%; height: auto; }
hr { border: 0; border-top: 1px solid #dfe1e6; margin: 1.5em 0; }
blockquote { margin-left: 0; padding: 0.1em 1em; border-left: 3px solid #c1c7d0; color: #42526e; }
code, kbd, samp, pre, tt { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
code { background: #f4f5f7; border-radius: 3px; padding: 0.1em 0.3em; }
pre { background: #f4f5f7; border: 1px solid #dfe1e6; border-radius: 3px; padding: 0.75em 1em; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
pre code { background: none; padding: 0; }

.export-header { border-bottom: 1px solid #dfe1e6; margin-bottom: 1.5em; }
.export-header h1 { margin-top: 0; }
.export-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1em; font-size: 0.9em; color: #42526e; }
.export-facts dt { font-weight: 600; }
.export-facts dd { margin: 0; }
.export-print-note { background: #deebff; border-radius: 3px; padding: 0.5em 0.9em; font-size: 0.9em; }

/* Tables */
.table-wrap { overflow-x: auto; margin-bottom: 0.9em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c1c7d0; padding: 0.35em 0.6em; vertical-align: top; text-align: left; }
th { background: #f4f5f7; font-weight: 600; }
td > p:last-child, th > p:last-child, li > p:last-child { margin-bottom: 0; }
.numberingColumn { color: #6b778c; }

/* Code macro */
.code.panel { border: 1px solid #dfe1e6; border-radius: 3px; margin-bottom: 0.9em; }
.code.panel .codeHeader { font-weight: 600; padding: 0.35em 1em; border-bottom: 1px solid #dfe1e6; background: #ebecf0; }
.code.panel pre { margin: 0; border: 0; border-radius: 0; }

/* Info, tip, note, warning panels */
.confluence-information-macro { border-left: 4px solid #0052cc; background: #deebff; border-radius: 3px; padding: 0.6em 1em; margin-bottom: 0.9em; }
.confluence-information-macro-tip { border-color: #00875a; background: #e3fcef; }
.confluence-information-macro-note { border-color: #ff991f; background: #fffae6; }
.confluence-information-macro-warning { border-color: #de350b; background: #ffebe6; }
.confluence-information-macro > .title { font-weight: 600; margin-bottom: 0.3em; }
/* The icon font is not there. Space exports write the icon as <span/>, which HTML does not
   close, so the span holds the panel body: show what is inside it, never hide it. */
.confluence-information-macro-icon { display: contents; }
.confluence-information-macro-body > :last-child { margin-bottom: 0; }
.panel { border: 1px solid #dfe1e6; border-radius: 3px; margin-bottom: 0.9em; }
.panel .panelHeader { font-weight: 600; padding: 0.4em 1em; border-bottom: 1px solid #dfe1e6; }
.panel .panelContent { padding: 0.6em 1em; }
.panel .panelContent > :last-child { margin-bottom: 0; }

/* Expand (rebuilt as <details open>) */
details.expand-container { border-left: 3px solid #dfe1e6; padding-left: 0.9em; }
details.expand-container > summary { font-weight: 600; cursor: pointer; margin-bottom: 0.4em; }

/* Status lozenges, Jira issues, mentions, dates */
.status-macro.aui-lozenge, .aui-lozenge {
  display: inline-block; padding: 0 0.35em; border-radius: 3px; font-size: 0.75em; font-weight: 700;
  line-height: 1.6; text-transform: uppercase; vertical-align: 0.1em; background: #dfe1e6; color: #42526e;
}
.aui-lozenge.aui-lozenge-success { background: #e3fcef; color: #006644; }
.aui-lozenge.aui-lozenge-error { background: #ffebe6; color: #bf2600; }
.aui-lozenge.aui-lozenge-current, .aui-lozenge.aui-lozenge-complete { background: #deebff; color: #0747a6; }
.aui-lozenge.aui-lozenge-moved { background: #fff0b3; color: #172b4d; }
.aui-lozenge.aui-lozenge-new, .aui-lozenge.aui-lozenge-progress { background: #eae6ff; color: #403294; }
.aui-lozenge.aui-lozenge-subtle { box-shadow: inset 0 0 0 1px currentColor; background: transparent; }
.confluence-jim-macro .summary { color: #42526e; }
.user-mention { background: #f4f5f7; border-radius: 1em; padding: 0 0.35em; text-decoration: none; }
time { background: #f4f5f7; border-radius: 3px; padding: 0 0.3em; white-space: nowrap; }

/* Tasks and decisions: states come from the li's class, no form controls needed */
ul.inline-task-list { list-style: none; padding-left: 1.6em; }
ul.inline-task-list > li { position: relative; }
ul.inline-task-list > li::before { content: "\\2610"; position: absolute; left: -1.4em; }
ul.inline-task-list > li.checked::before { content: "\\2611"; }
ul.decision-list { list-style: none; padding-left: 1.6em; }
ul.decision-list > li { position: relative; }
ul.decision-list > li::before { content: "\\2937"; position: absolute; left: -1.4em; color: #00875a; }

/* Page layouts: columns side by side while there is room */
.columnLayout { display: flex; flex-wrap: wrap; gap: 0 1.5em; }
.columnLayout > .cell { flex: 1 1 16em; min-width: 0; }
.columnLayout > .cell.aside { flex: 0 1 14em; }

/* Images */
.confluence-embedded-file-wrapper { display: inline-block; max-width: 100%; }
.image-center-wrapper, .image-center { display: block; margin-left: auto; margin-right: auto; text-align: center; }
.export-image-missing { display: inline-block; border: 1px dashed #c1c7d0; border-radius: 3px; padding: 0.1em 0.4em; font-size: 0.9em; }
/* Words, not an emoji: a system without an emoji font would show a box. */
.export-image-missing::before { content: "Image: "; color: #6b778c; }
`;

const PRINT = `
@page { margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  .export-print-note { display: none; }
  a { color: inherit; }
  /* External links show where they go; not where the text is the URL, nor mentions. */
  a[href^="http"]:not(.export-bare-url):not(.user-mention)::after {
    content: " (" attr(href) ")"; font-size: 0.85em; color: #42526e; overflow-wrap: anywhere; word-break: break-all;
  }
  h1, h2, h3, h4, h5, h6, summary { break-after: avoid; page-break-after: avoid; }
  pre, blockquote, tr, img, figure, .confluence-information-macro, .panel, .code.panel { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  table { width: 100%; }
  pre { white-space: pre-wrap; }
  .columnLayout { display: block; }
}
`;

// The print view: on screen a sheet of paper on a grey desk, so what will print is what is seen.
const PRINT_VIEW_SCREEN = `
@media screen {
  html.print-view { background: #e9ebee; }
  html.print-view body { max-width: 180mm; margin: 1.5rem auto; padding: 16mm 14mm; box-shadow: 0 1px 4px rgba(9, 30, 66, 0.25); font-size: 15px; }
}
`;

export function standaloneCss(print: boolean): string {
  return BASE + PRINT + (print ? PRINT_VIEW_SCREEN : '');
}
