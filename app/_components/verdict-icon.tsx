/**
 * One shape per verdict, so verdicts differ by more than colour (colour-blind readers, print,
 * forced-colours mode). Inline SVG rather than emoji or symbol fonts: every machine draws it the
 * same, with no tofu where a font is missing. No imports: the client search box uses it too.
 */

const PATHS: Record<string, string> = {
  // check mark in a circle
  supported: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3.3 4.6-4 4.8-2.6-2.2 1-1.2 1.4 1.2 3-3.6z',
  // plain check mark
  'mostly-supported': 'M13.2 3.6 6.4 11.7 2.8 8.6l-1.1 1.3 4.9 4.1 7.9-9.4z',
  // half-filled circle
  mixed: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.6v10.8a5.4 5.4 0 0 1 0-10.8z',
  // warning triangle with exclamation mark
  misleading: 'M8 1 .5 14.5h15zm-.8 4.5h1.6v4.5H7.2zm0 5.6h1.6v1.6H7.2z',
  // cross in a circle
  false: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm2.6 3.3 1.1 1.1L9.1 8l2.6 2.6-1.1 1.1L8 9.1l-2.6 2.6-1.1-1.1L6.9 8 4.3 5.4l1.1-1.1L8 6.9z',
  // question mark in a ring
  unverifiable:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.6a5.4 5.4 0 1 1 0 10.8A5.4 5.4 0 0 1 8 2.6zm0 1.5a2.4 2.4 0 0 0-2.4 2.4h1.5a.9.9 0 1 1 1.5.7c-.7.5-1.4 1-1.4 2.2v.4h1.5v-.3c0-.5.3-.8.9-1.2A2.4 2.4 0 0 0 8 4.1zm-.8 6.6h1.6v1.5H7.2z',
  // speech bubble: an opinion or forecast
  'not-a-factual-claim': 'M2 2h12v9H7l-3.5 3v-3H2zm1.5 1.5v6h1.5v1.3L6.5 9.5h6v-6z',
};

/** FNV-1a: a short, stable fingerprint of the shapes, computed the same on server and client. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Where the shapes are served (app/verdict-icons.svg): one file, not a copy in every page. Its
 * URL carries the shapes' fingerprint, so browsers may keep it for good (it is sent `immutable`)
 * and a changed shape is a new URL.
 */
export const VERDICT_ICONS_URL = `/verdict-icons.svg?v=${fingerprint(JSON.stringify(PATHS))}`;

/**
 * The shapes as one SVG document of symbols, drawn by reference: a claim page shows dozens of
 * verdicts, and anything inline in a page is paid twice (HTML and RSC payload) on every page.
 * `fill="currentColor"` keeps the badge's colour in print and forced-colours mode.
 */
export function renderVerdictIconSprite(): string {
  const symbols = Object.entries(PATHS).map(
    ([verdict, d]) => `<symbol id="vi-${verdict}" viewBox="0 0 16 16"><path d="${d}" fill="currentColor" fill-rule="evenodd"/></symbol>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>\n`;
}

export function VerdictIcon({ verdict }: { verdict: string }) {
  if (!PATHS[verdict]) return null;
  return (
    <svg className="verdict-icon" width="1em" height="1em" aria-hidden="true" focusable="false">
      <use href={`${VERDICT_ICONS_URL}#vi-${verdict}`} />
    </svg>
  );
}
