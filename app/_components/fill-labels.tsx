import { Fragment, type ReactNode } from 'react';

/**
 * Client components get their words as props (the catalogue is not sent to the browser): these
 * two helpers fill such a template, translated on the server and passed raw, in the browser.
 * `fill` replaces {name} placeholders; `rich` also renders <tag>…</tag> parts with the given
 * functions. Values are inserted after the tags are found, so a value's own text never becomes markup.
 */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

export function rich(template: string, tags: Record<string, (chunk: string) => ReactNode>, values: Record<string, string | number> = {}): ReactNode {
  const parts: ReactNode[] = [];
  const re = /<(\w+)>([\s\S]*?)<\/\1>/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) parts.push(<Fragment key={parts.length}>{fill(template.slice(last, m.index), values)}</Fragment>);
    const render = tags[m[1]!];
    const chunk = fill(m[2]!, values);
    parts.push(<Fragment key={parts.length}>{render ? render(chunk) : chunk}</Fragment>);
    last = re.lastIndex;
  }
  if (last < template.length) parts.push(<Fragment key={parts.length}>{fill(template.slice(last), values)}</Fragment>);
  return <>{parts}</>;
}
