// The inline stylesheet of the simulator's HTML pages: a look-alike of Confluence Cloud (and, with
// `body.ctc-dc`, Data Center) built from Atlassian's design-token colours. No fonts, images or
// other resources from anywhere: everything is in this string.

/** Design tokens the storage samples use in panel colours (`var(--ds-…)`) and our own CSS. */
const TOKENS = `
:root {
  --ds-text: #172B4D;
  --ds-text-subtle: #44546F;
  --ds-text-subtlest: #626F86;
  --ds-link: #0C66E4;
  --ds-border: #DFE1E6;
  --ds-surface: #FFFFFF;
  --ds-surface-sunken: #F7F8F9;
  --ds-background-neutral: #F1F2F4;
  --ds-background-neutral-hovered: #DCDFE4;
  --ds-background-selected: #E9F2FF;
  --ds-background-brand-bold: #0C66E4;
  --ds-background-accent-blue-subtlest: #E9F2FF;
  --ds-background-accent-green-subtlest: #DCFFF1;
  --ds-background-accent-yellow-subtlest: #FFF7D6;
  --ds-background-accent-red-subtlest: #FFECEB;
  --ds-background-accent-purple-subtlest: #F3F0FF;
  --ds-background-accent-teal-subtlest: #E7F9FF;
  --ds-background-accent-orange-subtlest: #FFF3EB;
  --ds-background-accent-gray-subtlest: #F1F2F4;
  --ds-background-accent-magenta-subtlest: #FFECF8;
  --ds-background-accent-lime-subtlest: #EFFFD6;
  --ds-font: ui-sans-serif, -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, system-ui, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", sans-serif;
  --ds-font-code: ui-monospace, Menlo, "Segoe UI Mono", "Ubuntu Mono", "Liberation Mono", "DejaVu Sans Mono", monospace;
}`;

const SHELL = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: var(--ds-font); font-size: 14px; line-height: 20px; color: var(--ds-text); background: var(--ds-surface); -webkit-font-smoothing: antialiased; }
a { color: var(--ds-link); text-decoration: none; }
a:hover { text-decoration: underline; }
svg { display: block; flex: none; }

/* Top navigation */
.ctc-topnav { position: sticky; top: 0; z-index: 10; height: 56px; display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 0 12px; background: #FFFFFF; border-bottom: 1px solid var(--ds-border); }
.ctc-nav-left, .ctc-nav-right { display: flex; align-items: center; gap: 4px; min-width: 0; }
.ctc-nav-right { gap: 6px; }
.ctc-icon-btn { width: 32px; height: 32px; border-radius: 4px; display: inline-flex; align-items: center; justify-content: center; color: var(--ds-text-subtle); }
.ctc-icon-btn:hover { background: var(--ds-background-neutral); }
.ctc-logo { display: inline-flex; align-items: center; gap: 8px; padding: 4px 6px; border-radius: 4px; color: var(--ds-text); font-weight: 600; font-size: 16px; letter-spacing: -0.01em; }
.ctc-logo:hover { background: var(--ds-background-neutral); text-decoration: none; }
.ctc-site-name { color: var(--ds-text-subtle); font-size: 14px; padding: 0 10px 0 8px; margin-left: 2px; border-left: 1px solid var(--ds-border); line-height: 20px; white-space: nowrap; }
.ctc-nav-links { display: flex; align-items: center; gap: 2px; margin-left: 4px; }
.ctc-nav-link { display: inline-flex; align-items: center; gap: 4px; height: 32px; padding: 0 8px; border-radius: 4px; color: var(--ds-text-subtle); font-weight: 500; white-space: nowrap; }
.ctc-nav-link:hover { background: var(--ds-background-neutral); text-decoration: none; color: var(--ds-text-subtle); }
.ctc-caret { width: 0; height: 0; border-left: 4px solid transparent; border-right: 4px solid transparent; border-top: 5px solid currentColor; margin-top: 1px; }
.ctc-create { display: inline-flex; align-items: center; gap: 6px; height: 32px; padding: 0 12px; margin-left: 8px; border-radius: 4px; background: var(--ds-background-brand-bold); color: #FFFFFF; font-weight: 500; white-space: nowrap; }
.ctc-search { display: flex; align-items: center; gap: 8px; width: 280px; height: 32px; padding: 0 10px; border: 1px solid #8590A2; border-radius: 4px; color: var(--ds-text-subtlest); background: #FFFFFF; margin-right: 6px; }
.ctc-avatar { display: inline-flex; align-items: center; justify-content: center; width: 28px; height: 28px; border-radius: 50%; background: #5E4DB2; color: #FFFFFF; font-size: 11px; font-weight: 600; letter-spacing: 0.02em; flex: none; margin-left: 4px; }
.ctc-avatar.ctc-small { width: 24px; height: 24px; font-size: 10px; margin-left: 0; }

/* Layout */
.ctc-layout { display: flex; align-items: stretch; min-height: calc(100vh - 56px); }
.ctc-sidebar { width: 264px; flex: none; background: var(--ds-surface-sunken); border-right: 1px solid var(--ds-border); padding: 16px 8px 24px; }
.ctc-main { flex: 1; min-width: 0; }

/* Sidebar */
.ctc-space-header { display: flex; align-items: center; gap: 10px; padding: 4px 8px 14px; }
.ctc-space-avatar { width: 32px; height: 32px; border-radius: 6px; display: inline-flex; align-items: center; justify-content: center; color: #FFFFFF; font-weight: 700; font-size: 15px; flex: none; }
.ctc-space-avatar[data-size="s"] { width: 20px; height: 20px; font-size: 11px; border-radius: 4px; }
.ctc-space-name { font-weight: 600; color: var(--ds-text); line-height: 18px; }
.ctc-space-kind { font-size: 12px; color: var(--ds-text-subtlest); line-height: 16px; }
.ctc-side-links, .ctc-tree { list-style: none; margin: 0; padding: 0; }
.ctc-side-link { display: flex; align-items: center; gap: 10px; height: 32px; padding: 0 8px; border-radius: 4px; color: var(--ds-text-subtle); font-weight: 500; }
.ctc-side-link:hover { background: var(--ds-background-neutral); text-decoration: none; color: var(--ds-text-subtle); }
.ctc-side-link.ctc-current, .ctc-tree-row.ctc-current { background: var(--ds-background-selected); color: var(--ds-link); }
.ctc-side-link.ctc-current a, .ctc-tree-row.ctc-current a { color: var(--ds-link); }
.ctc-side-section { display: flex; align-items: center; justify-content: space-between; margin: 18px 8px 6px; font-size: 12px; font-weight: 600; color: var(--ds-text-subtlest); }
.ctc-side-section span { font-size: 16px; font-weight: 400; }
.ctc-tree-row { display: flex; align-items: center; gap: 6px; height: 32px; padding-right: 8px; padding-left: calc(var(--depth, 0) * 16px + 4px); border-radius: 4px; color: var(--ds-text-subtle); cursor: default; list-style: none; }
.ctc-tree-row:hover { background: var(--ds-background-neutral); }
.ctc-tree-row::-webkit-details-marker { display: none; }
.ctc-tree-row a { color: var(--ds-text); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
.ctc-tree-row a:hover { text-decoration: none; }
.ctc-chevron { width: 16px; height: 16px; flex: none; display: inline-flex; align-items: center; justify-content: center; color: var(--ds-text-subtlest); cursor: pointer; }
.ctc-chevron::before { content: ""; width: 6px; height: 6px; border-right: 1.5px solid currentColor; border-bottom: 1.5px solid currentColor; transform: rotate(-45deg); margin-left: -2px; }
details[open] > summary .ctc-chevron::before { transform: rotate(45deg); margin: -3px 0 0 0; }
.ctc-chevron.ctc-leaf::before { content: none; }
.ctc-type-icon { color: var(--ds-text-subtlest); }
.ctc-tree-row.ctc-current .ctc-type-icon { color: var(--ds-link); }
.ctc-lock { color: var(--ds-text-subtlest); margin-left: auto; }

/* Page header: breadcrumbs and actions */
.ctc-page-header { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 16px 32px 0; min-height: 48px; }
#breadcrumbs ol, #breadcrumbs ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: center; }
#breadcrumbs li { display: inline-flex; align-items: center; color: var(--ds-text-subtle); font-size: 14px; }
#breadcrumbs li + li::before { content: "/"; padding: 0 8px; color: var(--ds-text-subtlest); }
#breadcrumbs a { color: var(--ds-text-subtle); }
#breadcrumbs a:hover { color: var(--ds-text); }
.ctc-actions { display: flex; align-items: center; gap: 4px; flex: none; }
.ctc-btn { display: inline-flex; align-items: center; gap: 6px; height: 32px; padding: 0 10px; border-radius: 4px; color: var(--ds-text-subtle); font-weight: 500; background: transparent; }
.ctc-btn:hover { background: var(--ds-background-neutral); text-decoration: none; color: var(--ds-text-subtle); }
.ctc-btn.ctc-neutral { background: var(--ds-background-neutral); }
.ctc-btn.ctc-primary { background: var(--ds-background-brand-bold); color: #FFFFFF; }

/* Content column */
.ctc-content { max-width: 824px; margin: 0 auto; padding: 20px 32px 64px; }
.ctc-title { font-size: 28px; line-height: 32px; font-weight: 600; letter-spacing: -0.01em; color: var(--ds-text); margin: 18px 0 12px; overflow-wrap: anywhere; }
.ctc-byline { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; color: var(--ds-text-subtle); font-size: 14px; margin-bottom: 28px; }
.ctc-byline .ctc-sep { color: var(--ds-text-subtlest); }
.ctc-byline strong { font-weight: 500; color: var(--ds-text); }
.ctc-type-banner { display: flex; align-items: center; gap: 8px; color: var(--ds-text-subtle); margin-bottom: 16px; }
.ctc-labels { margin-top: 40px; padding-top: 16px; border-top: 1px solid var(--ds-border); display: flex; align-items: center; flex-wrap: wrap; gap: 8px; color: var(--ds-text-subtlest); }
.ctc-labels ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.aui-label { display: inline-block; padding: 2px 8px; border-radius: 3px; background: var(--ds-background-neutral); color: var(--ds-text-subtle); font-size: 12px; line-height: 16px; font-weight: 500; }
.ctc-reactions { margin-top: 20px; display: flex; align-items: center; gap: 8px; color: var(--ds-text-subtle); }
.ctc-comment { margin-top: 24px; display: flex; align-items: center; gap: 12px; }
.ctc-comment-box { flex: 1; height: 40px; border: 1px solid var(--ds-border); border-radius: 4px; padding: 0 12px; display: flex; align-items: center; color: var(--ds-text-subtlest); }
.ctc-editor-bar { position: sticky; top: 56px; z-index: 5; display: flex; align-items: center; gap: 4px; padding: 6px 16px; background: #FFFFFF; border-bottom: 1px solid var(--ds-border); color: var(--ds-text-subtle); }
.ctc-editor-bar .ctc-grow { flex: 1; }
.ctc-editor-bar b, .ctc-editor-bar i, .ctc-editor-bar u { display: inline-flex; width: 28px; height: 28px; align-items: center; justify-content: center; border-radius: 3px; }
.ctc-editor-bar .ctc-divider { width: 1px; height: 20px; background: var(--ds-border); margin: 0 6px; }

/* Single-page-app demo navigation (SPA Start page) */
#spa-nav { border: 1px solid var(--ds-border); border-radius: 6px; padding: 10px 14px; margin: 8px 0 0; background: var(--ds-surface-sunken); }
#spa-nav::before { content: "Jump without reloading"; display: block; font-size: 12px; font-weight: 600; color: var(--ds-text-subtlest); margin-bottom: 6px; }
#spa-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }

/* Home, not found */
.ctc-home-section { margin-top: 28px; }
.ctc-home-section h2 { font-size: 16px; font-weight: 600; margin: 0 0 12px; }
.ctc-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
.ctc-card { display: block; border: 1px solid var(--ds-border); border-radius: 8px; padding: 14px 16px; background: #FFFFFF; box-shadow: 0 1px 1px rgba(9, 30, 66, 0.13); color: var(--ds-text); }
.ctc-card:hover { text-decoration: none; box-shadow: 0 4px 8px rgba(9, 30, 66, 0.16); }
.ctc-card-title { font-weight: 600; display: flex; align-items: center; gap: 8px; }
.ctc-card-meta { color: var(--ds-text-subtlest); font-size: 12px; margin-top: 6px; }
.ctc-empty { text-align: center; padding: 96px 24px; color: var(--ds-text-subtle); }
.ctc-empty h1 { font-size: 24px; line-height: 28px; font-weight: 600; color: var(--ds-text); margin: 16px 0 8px; }
`;

/** Confluence's rendered content (`.wiki-content`): headings, tables, code, macros. */
const WIKI = `
.wiki-content { font-size: 16px; line-height: 1.714; color: var(--ds-text); overflow-wrap: break-word; }
.wiki-content > :first-child { margin-top: 0; }
.wiki-content p { margin: 0.75rem 0 0; }
.wiki-content h1, .wiki-content h2, .wiki-content h3, .wiki-content h4, .wiki-content h5, .wiki-content h6 { color: var(--ds-text); letter-spacing: -0.008em; }
.wiki-content h1 { font-size: 1.714em; line-height: 1.166; font-weight: 500; margin: 1.667em 0 0; }
.wiki-content h2 { font-size: 1.43em; line-height: 1.2; font-weight: 500; margin: 1.8em 0 0; }
.wiki-content h3 { font-size: 1.142em; line-height: 1.5; font-weight: 600; margin: 2em 0 0; }
.wiki-content h4 { font-size: 1em; line-height: 1.428; font-weight: 600; margin: 1.357em 0 0; }
.wiki-content h5 { font-size: 0.857em; line-height: 1.333; font-weight: 600; margin: 1.667em 0 0; }
.wiki-content h6 { font-size: 0.785em; line-height: 1.454; font-weight: 600; margin: 1.455em 0 0; color: var(--ds-text-subtle); }
.wiki-content ul, .wiki-content ol { margin: 0.75rem 0 0; padding-left: 24px; }
.wiki-content li > p:first-child { margin-top: 0; }
.wiki-content li + li { margin-top: 4px; }
.wiki-content blockquote { margin: 0.75rem 0 0; padding-left: 16px; border-left: 2px solid var(--ds-border); color: var(--ds-text); }
.wiki-content hr { border: none; height: 2px; background: var(--ds-border); border-radius: 1px; margin: 1.714em 0; }
.wiki-content code { font-family: var(--ds-font-code); font-size: 0.875em; background: var(--ds-background-neutral); color: var(--ds-text); border-radius: 3px; padding: 2px 4px; }
.wiki-content pre { font-family: var(--ds-font-code); font-size: 14px; line-height: 24px; background: var(--ds-surface-sunken); border: 1px solid var(--ds-border); border-radius: 3px; padding: 8px 16px; margin: 0.75rem 0 0; overflow-x: auto; white-space: pre; tab-size: 4; }
.wiki-content table { border-collapse: collapse; margin: 24px 0 0; width: 100%; table-layout: auto; font-size: 14px; line-height: 1.5; }
.wiki-content th, .wiki-content td { border: 1px solid #C1C7D0; padding: 7px 10px; vertical-align: top; text-align: left; min-width: 48px; }
.wiki-content th { background: var(--ds-background-neutral); font-weight: 600; }
.wiki-content td > p:first-child, .wiki-content th > p:first-child, .wiki-content td > ul:first-child, .wiki-content td > ol:first-child { margin-top: 0; }
.wiki-content img { max-width: 100%; }
.wiki-content .confluence-embedded-image { min-width: 24px; min-height: 24px; border: 1px solid var(--ds-border); border-radius: 3px; }
.wiki-content .conf-macro[data-macro-name="info"],
.wiki-content .conf-macro[data-macro-name="note"],
.wiki-content .conf-macro[data-macro-name="tip"],
.wiki-content .conf-macro[data-macro-name="warning"],
.wiki-content .conf-macro[data-macro-name="panel"] { position: relative; border-radius: 3px; margin: 0.75rem 0 0; padding: 8px 16px 12px 44px; background: var(--ds-background-accent-blue-subtlest); }
.wiki-content .conf-macro[data-macro-name="note"] { background: var(--ds-background-accent-purple-subtlest); }
.wiki-content .conf-macro[data-macro-name="tip"] { background: var(--ds-background-accent-green-subtlest); }
.wiki-content .conf-macro[data-macro-name="warning"] { background: var(--ds-background-accent-yellow-subtlest); }
.wiki-content .conf-macro[data-macro-name="panel"] { background: var(--ds-background-accent-gray-subtlest); }
.wiki-content .conf-macro[data-macro-name="info"]::before,
.wiki-content .conf-macro[data-macro-name="note"]::before,
.wiki-content .conf-macro[data-macro-name="tip"]::before,
.wiki-content .conf-macro[data-macro-name="warning"]::before,
.wiki-content .conf-macro[data-macro-name="panel"]::before { content: "i"; position: absolute; left: 14px; top: 13px; width: 18px; height: 18px; border-radius: 50%; background: #1D7AFC; color: #FFFFFF; font: 700 12px/18px Georgia, "DejaVu Serif", serif; text-align: center; }
.wiki-content .conf-macro[data-macro-name="note"]::before { content: "!"; background: #8270DB; font-family: var(--ds-font); }
.wiki-content .conf-macro[data-macro-name="tip"]::before { content: "\\2713"; background: #22A06B; font-family: var(--ds-font); font-size: 11px; }
.wiki-content .conf-macro[data-macro-name="warning"]::before { content: "!"; background: #E2B203; color: #172B4D; font-family: var(--ds-font); }
.wiki-content .conf-macro[data-macro-name="panel"][data-panel-tone="green"]::before { content: "\\2713"; background: #22A06B; font-family: var(--ds-font); font-size: 11px; }
.wiki-content .conf-macro[data-macro-name="panel"][data-panel-tone="yellow"]::before,
.wiki-content .conf-macro[data-macro-name="panel"][data-panel-tone="orange"]::before { content: "!"; background: #E2B203; color: #172B4D; font-family: var(--ds-font); }
.wiki-content .conf-macro[data-macro-name="panel"][data-panel-tone="red"]::before { content: "\\00D7"; background: #E34935; font-family: var(--ds-font); font-size: 14px; }
.wiki-content .conf-macro[data-macro-name="panel"][data-panel-tone="purple"]::before { content: "!"; background: #8270DB; font-family: var(--ds-font); }
.wiki-content .conf-macro[data-macro-name="panel"][data-panel-tone="gray"]::before { background: #8590A2; }
.wiki-content .panelContent > :first-child { margin-top: 0; }
.wiki-content .conf-macro[data-macro-name="code"] { margin: 0.75rem 0 0; }
.wiki-content .conf-macro[data-macro-name="code"] > pre { margin-top: 0; }
.wiki-content .code-title { font-size: 12px; font-weight: 600; color: var(--ds-text-subtle); background: var(--ds-background-neutral); border: 1px solid var(--ds-border); border-bottom: none; border-radius: 3px 3px 0 0; padding: 4px 16px; }
.wiki-content .code-title + pre { border-top-left-radius: 0; border-top-right-radius: 0; }
.wiki-content .conf-macro[data-macro-name="expand"] { margin: 0.75rem 0 0; border: 1px solid var(--ds-border); border-radius: 4px; padding: 8px 12px; }
.wiki-content .expand-title { font-weight: 500; color: var(--ds-text-subtle); }
.wiki-content .expand-title::before { content: "\\25B8"; margin-right: 6px; }
.wiki-content .status-macro { display: inline-block; vertical-align: middle; padding: 0 4px; border-radius: 3px; font-size: 11px; line-height: 16px; font-weight: 700; text-transform: uppercase; background: #DCDFE4; color: #44546F; }
.wiki-content .status-macro.lozenge-blue { background: #CCE0FF; color: #0055CC; }
.wiki-content .status-macro.lozenge-green { background: #BAF3DB; color: #216E4E; }
.wiki-content .status-macro.lozenge-red { background: #FFD5D2; color: #AE2E24; }
.wiki-content .status-macro.lozenge-yellow { background: #F8E6A0; color: #7F5F01; }
.wiki-content .status-macro.lozenge-purple { background: #DFD8FD; color: #5E4DB2; }
.wiki-content .jira-issue { display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--ds-border); border-radius: 3px; padding: 0 6px; font-size: 14px; color: var(--ds-link); }
.wiki-content .jira-issue::before { content: ""; width: 10px; height: 10px; border-radius: 2px; background: #1D7AFC; }
.wiki-content .conf-macro[data-macro-name="toc"]:empty,
.wiki-content .conf-macro:empty { display: none; }
.wiki-content .inline-task-list { list-style: none; padding-left: 4px; }
.wiki-content .inline-task-list > li::before { content: ""; display: inline-block; width: 12px; height: 12px; border: 2px solid #8590A2; border-radius: 3px; margin-right: 10px; vertical-align: -2px; }
.wiki-content [contenteditable] { outline: none; min-height: 200px; }
`;

/** Data Center's look: a blue header bar, grey sidebar, its own byline. */
const DC = `
body.ctc-dc .ctc-topnav { background: #0747A6; border-bottom: none; height: 48px; }
body.ctc-dc .ctc-layout { min-height: calc(100vh - 48px); }
body.ctc-dc .ctc-logo, body.ctc-dc .ctc-nav-link, body.ctc-dc .ctc-icon-btn { color: #FFFFFF; }
body.ctc-dc .ctc-logo:hover, body.ctc-dc .ctc-nav-link:hover, body.ctc-dc .ctc-icon-btn:hover { background: rgba(255, 255, 255, 0.16); color: #FFFFFF; }
body.ctc-dc .ctc-create { background: #2684FF; }
body.ctc-dc .ctc-search { background: rgba(9, 30, 66, 0.32); border-color: transparent; color: rgba(255, 255, 255, 0.85); width: 200px; }
body.ctc-dc .ctc-avatar { background: #00875A; }
body.ctc-dc .ctc-avatar.ctc-small { background: #00875A; }
body.ctc-dc .ctc-sidebar { background: #F4F5F7; }
body.ctc-dc .ctc-title { font-size: 24px; line-height: 28px; font-weight: 500; }
body.ctc-dc .ctc-content { max-width: none; margin: 0; padding: 8px 40px 64px; }
body.ctc-dc .ctc-page-header { padding: 16px 40px 0; }
`;

export const PAGE_CSS = (TOKENS + SHELL + WIKI + DC).replace(/\n\s*/g, '\n').trim();
