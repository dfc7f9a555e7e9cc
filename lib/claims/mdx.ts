import { nodeTypes } from '@mdx-js/mdx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
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
  /**
   * The hast tree (MDX JSX nodes kept as data: rendered later without evaluating code), as the
   * JSON it is stored as: made where the tree is, in the parse worker, so that what comes back
   * is a string to store (lib/claims/parse.ts keeps it as bytes), not a tree to clone and walk.
   */
  treeJson: string;
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
 * Unravels a paragraph that holds only JSX (`<Quote …>…</Quote>` on its own line) into flow
 * elements, as @mdx-js/mdx does in its own pipeline (its remark-mark-and-unravel plugin, MIT),
 * so the stored tree has the shape MDX gives it.
 */
function unravelJsxParagraphs() {
  return (tree: MdastRoot) => {
    // Marked as written-as-JSX, as MDX marks them (a stored tree keeps the same shape either way).
    visit(tree, (node) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        node.data = { ...node.data, _mdxExplicitJsx: true } as unknown as typeof node.data;
      }
    });
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || typeof index !== 'number') return;
      const onlyJsx = node.children.every((c) => c.type === 'mdxJsxTextElement' || (c.type === 'text' && /^[\t\n\f\r ]*$/.test(c.value)));
      if (!onlyJsx || !node.children.some((c) => c.type === 'mdxJsxTextElement')) return;
      const flow = node.children
        .filter((c) => c.type === 'mdxJsxTextElement')
        .map((c) => ({ ...c, type: 'mdxJsxFlowElement' as const }));
      parent.children.splice(index, 1, ...(flow as unknown as typeof parent.children));
      return index;
    });
  };
}

/**
 * MDX's own parser (remark-parse + remark-mdx, as @mdx-js/mdx uses them) up to the hast tree
 * that pages render. The half of an MDX compile that turns the tree into JavaScript is never
 * needed: claim bodies are rendered from the tree, never evaluated.
 */
const bodyProcessor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(unravelJsxParagraphs)
  .use(remarkRehype, { allowDangerousHtml: true, passThrough: [...nodeTypes] });

/**
 * Compiles a claim body once, at ingest: MDX syntax errors and forbidden constructs come back
 * as problems (positions relative to the body); on success, the hast tree is returned for storage.
 */
export async function compileClaimBody(source: string): Promise<{ ok: true; body: CompiledBody } | { ok: false; problems: BodyProblem[] }> {
  const problems: BodyProblem[] = [];
  const references: BodyReference[] = [];
  let tree: HastRoot | undefined;
  try {
    const mdast = bodyProcessor.parse(new VFile({ value: source }));
    checkMdxTree(mdast, problems, references);
    if (problems.length === 0) tree = (await bodyProcessor.run(mdast)) as unknown as HastRoot;
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
  if (problems.length > 0 || !tree) return { ok: false, problems };
  stripPositions(tree);
  const text = collectText(tree).replace(/\n{2,}/g, '\n').trim();
  return { ok: true, body: { treeJson: JSON.stringify(tree), text, references } };
}
