/**
 * The components a claim body may use, and their props. Anything else in a claim
 * file (other tags, import/export, {expressions}) is refused at check time: a claim
 * file may come from an outside contributor, and MDX is code.
 */
export const REGISTERED_COMPONENTS = {
  ClaimRef: { required: ['id'], optional: [] },
  SourceRef: { required: ['id'], optional: ['locator'] },
  Quote: { required: ['lang', 'source'], optional: [] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type RegisteredComponent = keyof typeof REGISTERED_COMPONENTS;

export function isRegisteredComponent(name: string): name is RegisteredComponent {
  return Object.hasOwn(REGISTERED_COMPONENTS, name);
}
