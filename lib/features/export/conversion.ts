// What both converters (storage and ADF) return, and the references they ask callers to resolve.
export interface PageRef {
  title: string;
  spaceKey?: string;
  anchor?: string;
}
export interface AttachmentRef {
  filename: string;
  /** Set when the attachment belongs to another page. */
  pageTitle?: string;
  spaceKey?: string;
}
export interface UserRef {
  accountId?: string;
  userKey?: string;
  username?: string;
}

export interface Unconverted {
  /** Macro name (`drawio`), `adf:<type>` for ADF-extension nodes, or an element name. */
  macro: string;
  /** A human title when there is one (an app macro's extension title). */
  title?: string;
}

export interface ConversionResult {
  markdown: string;
  /** Every construct written as a placeholder, in document order. */
  unconverted: Unconverted[];
  /** Status lozenges with their colour (Markdown has none; callers may keep it in front matter). */
  statuses: { title: string; colour: string }[];
  mentions: UserRef[];
}

