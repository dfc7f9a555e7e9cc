import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { BodyReferences } from './dto';
import { isRegisteredComponent } from './mdx-components-registry';

// Registered MDX components become plain hast elements with these tag names, so the
// renderer looks them up in the components map by literal name: no expression, no evaluater.
const TAGS = { ClaimRef: 'ledger-claim-ref', SourceRef: 'ledger-source-ref', Quote: 'ledger-quote' } as const;

/**
 * Turns the stored tree's MDX JSX nodes into ordinary elements carrying only their string
 * props, and drops anything else MDX-specific (expressions and ESM are refused at ingest,
 * so this is a second lock, not a path that runs).
 */
export function toRenderableTree(tree: HastRoot): HastRoot {
  const convert = (node: RootContent): ElementContent[] => {
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const children = node.children.flatMap(convert);
        if (!node.name || !isRegisteredComponent(node.name)) return children;
        const properties: Record<string, string> = {};
        for (const a of node.attributes) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') properties[a.name] = a.value;
        const element: Element = { type: 'element', tagName: TAGS[node.name], properties: { ...properties, block: node.type === 'mdxJsxFlowElement' ? 'true' : 'false' }, children };
        return [element];
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
      case 'mdxjsEsm':
      case 'doctype':
        return [];
      case 'element':
        return [{ ...node, children: node.children.flatMap((c) => convert(c as RootContent)) }];
      default:
        return [node as ElementContent];
    }
  };
  return { type: 'root', children: tree.children.flatMap(convert) };
}

/**
 * Renders a claim's analysis from the hast tree stored at ingest. Nothing is compiled or
 * evaluated here: the tree is data, its MDX JSX nodes carry only string literals (checked
 * at ingest), and only the registered components below can appear.
 */
/** The few interface words a body can show, in the reader's language (the page passes them; English by default). */
export type BodyWords = { withdrawn: string; unknownClaim: string; unknownSource: string };
const ENGLISH_WORDS: BodyWords = { withdrawn: ' (withdrawn)', unknownClaim: 'unknown claim', unknownSource: 'unknown source' };

export function renderClaimBody(tree: HastRoot, references: BodyReferences, words: BodyWords = ENGLISH_WORDS): ReactNode {
  const components = {
    [TAGS.ClaimRef]: function ClaimRef({ id }: { id?: string }) {
      const target = id ? references.claims[id] : undefined;
      if (!id || !target) return <span className="ref-missing">{id ?? words.unknownClaim}</span>;
      return (
        <Link href={`/claims/${id}`} className="ref ref-claim" data-ref="claim" title={target.title}>
          {target.title}
          {target.withdrawn ? words.withdrawn : null}
        </Link>
      );
    },
    [TAGS.SourceRef]: function SourceRef({ id, locator }: { id?: string; locator?: string }) {
      const target = id ? references.sources[id] : undefined;
      if (!id || !target) return <span className="ref-missing">{id ?? words.unknownSource}</span>;
      return (
        <Link href={`/sources/${id}`} className="ref ref-source" data-ref="source" title={target.title}>
          {target.title}
          {locator ? `, ${locator}` : null}
        </Link>
      );
    },
    [TAGS.Quote]: function Quote({ lang, source, block, children }: { lang?: string; source?: string; block?: string; children?: ReactNode }) {
      const target = source ? references.sources[source] : undefined;
      if (block === 'false') {
        return (
          <q lang={lang} cite={source ? `/sources/${source}` : undefined} title={target?.title}>
            {children}
          </q>
        );
      }
      return (
        <figure className="quote">
          <blockquote lang={lang}>{children}</blockquote>
          {source ? (
            <figcaption>
              — <Link href={`/sources/${source}`}>{target?.title ?? source}</Link>
            </figcaption>
          ) : null}
        </figure>
      );
    },
  } as unknown as Partial<Components>;

  return toJsxRuntime(toRenderableTree(tree), {
    Fragment,
    jsx,
    jsxs,
    components,
    elementAttributeNameCase: 'react',
    stylePropertyNameCase: 'dom',
  });
}
