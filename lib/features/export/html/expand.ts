// Confluence's expand macro needs its script to open; offline it would stay shut (or show its
// arrow icon and nothing else). It becomes a native, open `<details>`: readable without script,
// and printed open. Shape (dlx-ux-design-documentation.html, dlx-occlusion-culling-warning-expand.html):
//   <div id="expander-1" class="expand-container">
//     <div id="expander-control-1" class="expand-control">
//       <span class="expand-control-icon"><img class="expand-control-image" src="…"></span>
//       <span class="expand-control-text">Title</span></div>
//     <div id="expander-content-1" class="expand-content">…</div></div>

// Documents from DOMParser have no window, so no `instanceof Element`.
function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

export function expandToDetails(root: ParentNode): void {
  // Innermost first, so a nested expand is rebuilt before the one holding it moves it.
  const containers = Array.from(root.querySelectorAll('div.expand-container')).reverse();
  for (const container of containers) {
    const doc = container.ownerDocument;
    const details = doc.createElement('details');
    details.setAttribute('class', 'expand-container');
    details.setAttribute('open', '');
    const id = container.getAttribute('id');
    if (id) details.setAttribute('id', id);

    const summary = doc.createElement('summary');
    const title = container.querySelector(':scope > .expand-control .expand-control-text');
    summary.textContent = (title?.textContent ?? '').replace(/\s+/g, ' ').trim() || 'Click here to expand...';
    details.append(summary);

    const content = container.querySelector(':scope > .expand-content');
    const body = doc.createElement('div');
    body.setAttribute('class', 'expand-content');
    if (content) body.append(...Array.from(content.childNodes));
    // No content wrapper (an older renderer): everything but the control is the body.
    else body.append(...Array.from(container.childNodes).filter((n) => !(isElement(n) && n.classList.contains('expand-control'))));
    details.append(body);
    container.replaceWith(details);
  }
}
