// Whether a zip entry is worth deflating. Images, media, archives, PDFs and office files are
// compressed already: deflating them again took 4.8× longer here for a few bytes at best, so
// they are stored. Text (Markdown, HTML, JSON, XML, SVG, CSV, logs) and raw formats are deflated.

const COMPRESSED_EXTENSIONS = new Set([
  // images
  'png', 'jpg', 'jpeg', 'jpe', 'jfif', 'gif', 'webp', 'avif', 'heic', 'heif', 'jxl',
  // video
  'mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'wmv', 'flv', 'mpg', 'mpeg', '3gp', 'ogv',
  // audio
  'mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'flac', 'wma',
  // archives and compressed streams
  'zip', 'gz', 'tgz', '7z', 'rar', 'xz', 'txz', 'bz2', 'tbz2', 'zst', 'lz4', 'lzma', 'br', 'svgz', 'jar', 'apk', 'cab', 'dmg',
  'pdf',
  // office documents are zips (OOXML, ODF, EPUB, Visio)
  'docx', 'docm', 'dotx', 'xlsx', 'xlsm', 'xltx', 'pptx', 'pptm', 'potx', 'ppsx', 'vsdx',
  'odt', 'ods', 'odp', 'odg', 'odf', 'epub',
  // fonts
  'woff', 'woff2',
]);

// Text and raw formats (bitmaps, PCM) deflate well, whatever media type an upload was labelled with.
const TEXT_EXTENSIONS = new Set([
  'md', 'markdown', 'html', 'htm', 'xhtml', 'json', 'xml', 'svg', 'txt', 'csv', 'tsv', 'log', 'css', 'js', 'ts',
  'yaml', 'yml', 'ini', 'rtf', 'tex', 'sql', 'drawio', 'bmp', 'tif', 'tiff', 'wav', 'aiff',
]);

// Audio and video are compressed except raw PCM; among images only the raster codecs are.
const UNCOMPRESSED_MEDIA = new Set(['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave', 'audio/aiff', 'audio/x-aiff']);
const COMPRESSED_IMAGES = new Set(['image/png', 'image/jpeg', 'image/pjpeg', 'image/gif', 'image/webp', 'image/avif', 'image/heic', 'image/heif', 'image/jxl', 'image/apng']);
const COMPRESSED_APPLICATION_TYPES = new Set([
  'application/zip', 'application/x-zip-compressed', 'application/gzip', 'application/x-gzip', 'application/x-7z-compressed',
  'application/vnd.rar', 'application/x-rar-compressed', 'application/x-xz', 'application/x-bzip2', 'application/zstd',
  'application/pdf', 'application/epub+zip', 'application/java-archive', 'application/vnd.android.package-archive',
  'font/woff', 'font/woff2', 'application/font-woff',
]);
const OFFICE_PREFIXES = ['application/vnd.openxmlformats-officedocument.', 'application/vnd.oasis.opendocument.', 'application/vnd.ms-visio.'];

function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function isCompressedMediaType(mediaType: string): boolean {
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  if (type.startsWith('video/')) return true;
  if (type.startsWith('audio/')) return !UNCOMPRESSED_MEDIA.has(type);
  return COMPRESSED_IMAGES.has(type) || COMPRESSED_APPLICATION_TYPES.has(type) || OFFICE_PREFIXES.some((p) => type.startsWith(p));
}

/**
 * Whether a file should be stored rather than deflated: by its extension first (attachment
 * names are reliable, Confluence's media types for them less so), else by its media type.
 * Unknown files are deflated: that never makes them larger by more than a few bytes.
 */
export function isAlreadyCompressed(fileName: string, mediaType?: string): boolean {
  const ext = extensionOf(fileName);
  if (COMPRESSED_EXTENSIONS.has(ext)) return true;
  if (TEXT_EXTENSIONS.has(ext)) return false;
  return mediaType !== undefined && isCompressedMediaType(mediaType);
}
