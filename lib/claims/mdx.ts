import { compile } from '@mdx-js/mdx';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { isRegisteredComponent, REGISTERED_COMPONENTS } from './mdx-components-registry';

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

export interface BodyReference {
  kind: 'claim' | 'source';
  id: string;
  line: number;
  column: number;
  component: string;
}

export interface CompiledBody {
  /** hast tree with MDX JSX nodes kept as data: rendered later without evaluating code. */
  tree: HastRoot;
  text: string;
  references: BodyReference[];
}

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

/** Walks the MDX syntax tree and refuses everything but registered components with literal props. */
function checkMdxTree(tree: MdastRoot, problems: BodyProblem[], references: BodyReference[]) {
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({ ...at(node), message: 'import/export is not allowed in a claim file: use the registered components only' });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push({
          ...at(node),
          message: 'JavaScript expressions ({…}) are not allowed in a claim file: write the text plainly (escape a brace as \\{)',
        });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkJsxElement(node as JsxNode, at(node), problems, references);
        return;
      case 'link':
      case 'definition': {
        const url = (node as { url: string }).url;
        if (!/^(https?:\/\/|\/(?![\/\\])|#)/i.test(url)) {
          problems.push({ ...at(node), message: `link to "${url.slice(0, 80)}": only http(s) URLs, site paths (/…) and #anchors are allowed` });
        }
        return;
      }
      case 'image':
      case 'imageReference':
        problems.push({ ...at(node), message: 'images are not allowed in a claim file: they load from other sites when a reader opens the page' });
        return;
    }
  });
}

function checkJsxElement(node: JsxNode, pos: { line: number; column: number }, problems: BodyProblem[], references: BodyReference[]) {
  const allowed = Object.keys(REGISTERED_COMPONENTS).join(', ');
  if (!node.name) {
    problems.push({ ...pos, message: `fragments (<>…</>) are not allowed: use one of ${allowed}` });
    return;
  }
  if (!isRegisteredComponent(node.name)) {
    problems.push({ ...pos, message: `unknown component <${node.name}>: a claim file may use only ${allowed}` });
    return;
  }
  const spec = REGISTERED_COMPONENTS[node.name];
  const known: readonly string[] = [...spec.required, ...spec.optional];
  const props = new Map<string, string>();
  const named = new Set<string>();
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute') {
      problems.push({ ...pos, message: `<${node.name}>: spread attributes ({...}) are not allowed` });
      continue;
    }
    const a = attr as MdxJsxAttribute;
    named.add(a.name);
    if (!known.includes(a.name)) {
      problems.push({ ...pos, message: `<${node.name}>: unknown prop "${a.name}"; allowed: ${known.join(', ')}` });
      continue;
    }
    if (typeof a.value !== 'string') {
      problems.push({
        ...pos,
        message: `<${node.name}> prop "${a.name}" must be a plain string literal such as ${a.name}="…", not an expression`,
      });
      continue;
    }
    props.set(a.name, a.value);
  }
  for (const name of spec.required) {
    if (named.has(name) && !props.has(name)) continue; // already reported as an expression
    if (!props.get(name)?.trim()) problems.push({ ...pos, message: `<${node.name}> needs a non-empty "${name}" prop` });
  }
  if (node.name === 'ClaimRef' && props.get('id')) {
    references.push({ kind: 'claim', id: props.get('id')!, ...pos, component: 'ClaimRef' });
  }
  if (node.name === 'SourceRef' && props.get('id')) {
    references.push({ kind: 'source', id: props.get('id')!, ...pos, component: 'SourceRef' });
  }
  if (node.name === 'Quote' && props.get('source')) {
    references.push({ kind: 'source', id: props.get('source')!, ...pos, component: 'Quote' });
  }
}

/** Positions are only needed while checking; dropping them keeps the stored tree small. */
function stripPositions(node: HastRoot | RootContent | ElementContent): void {
  delete (node as { position?: unknown }).position;
  if ('children' in node) for (const child of node.children) stripPositions(child);
}

function collectText(node: HastRoot | RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) {
    const parts = (node.children as RootContent[]).map(collectText);
    const isBlock = node.type === 'element' && /^(p|li|h\d|blockquote)$/.test((node as Element).tagName);
    return parts.join('') + (isBlock || node.type === 'mdxJsxFlowElement' ? '\n' : '');
  }
  return '';
}

/**
 * Compiles a claim body once, at ingest: MDX syntax errors and forbidden constructs
 * come back as problems (positions relative to the body); on success, the hast tree
 * is returned for storage.
 */
export async function compileClaimBody(source: string): Promise<{ ok: true; body: CompiledBody } | { ok: false; problems: BodyProblem[] }> {
  const problems: BodyProblem[] = [];
  const references: BodyReference[] = [];
  let captured: HastRoot | undefined;
  try {
    await compile(new VFile({ value: source }), {
      format: 'mdx',
      remarkPlugins: [() => (tree: MdastRoot) => checkMdxTree(tree, problems, references)],
      rehypePlugins: [
        () => (tree: HastRoot) => {
          captured = structuredClone(tree);
        },
      ],
    });
  } catch (error) {
    const e = error as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string; message?: string };
    const place = e.place && 'start' in e.place && e.place.start ? e.place.start : e.place;
    problems.push({
      line: e.line ?? place?.line ?? 1,
      column: e.column ?? place?.column ?? 1,
      // The parser quotes body-relative positions; the problem's own position is file-relative.
      message: `MDX syntax error: ${(e.reason ?? e.message ?? String(error)).replace(/ \(\d+:\d+(-\d+:\d+)?\)/g, '')}`,
    });
  }
  if (problems.length > 0 || !captured) return { ok: false, problems };
  stripPositions(captured);
  const text = collectText(captured).replace(/\n{2,}/g, '\n').trim();
  return { ok: true, body: { tree: captured, text, references } };
}
