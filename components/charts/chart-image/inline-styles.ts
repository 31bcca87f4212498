// A copy of a drawn SVG that looks the same on its own: the chart's colours are CSS variables and
// some of its text is styled by class (charts.css), neither of which travels with the file. Each
// element of the copy gets the computed values of the properties that paint, in a style attribute
// (where they differ from what it inherits), and loses the attributes that reference CSS variables.

const PAINT_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
] as const;

/** Attributes that only matter in the page: focus, roles, event targets. */
const PAGE_ONLY_ATTRIBUTES = ['tabindex', 'role', 'focusable', 'aria-label', 'aria-describedby'];

/** Marks of the pointer or keyboard position: not part of the chart as published. */
const TRANSIENT_MARKS = '.recharts-tooltip-cursor, .recharts-active-dot';

export function standaloneCopy<E extends SVGElement>(source: E): E {
  const copy = source.cloneNode(true) as E;
  inlineComputedStyles(source, copy);
  for (const mark of copy.querySelectorAll(TRANSIENT_MARKS)) mark.remove();
  // A foreignObject would hold HTML, which an image cannot show (and which taints a canvas).
  for (const foreign of copy.querySelectorAll('foreignObject')) foreign.remove();
  return copy;
}

/** Properties not inherited by children: written wherever they differ from their initial value. */
const NOT_INHERITED: Partial<Record<(typeof PAINT_PROPERTIES)[number], string>> = { opacity: '1', display: 'inline' };

type PaintValues = Map<string, string>;

/**
 * Writes each property where it differs from what the element would inherit anyway (its parent's
 * value), so the file carries the look once per group rather than on every tick and point.
 */
function inlineComputedStyles(source: Element, copy: Element, inherited?: PaintValues): void {
  const computed = getComputedStyle(source);
  const values: PaintValues = new Map();
  const declarations: string[] = [];
  for (const property of PAINT_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    values.set(property, value);
    if (!value) continue;
    const initial = NOT_INHERITED[property];
    // A presentation attribute (fill="…") may differ from what CSS made of it: always restate it.
    const redundant =
      !copy.hasAttribute(property) &&
      (initial !== undefined ? value === initial : inherited?.get(property) === value);
    if (!redundant) declarations.push(`${property}:${value}`);
  }
  for (const attribute of [...copy.attributes]) {
    if (attribute.value.includes('var(') || PAGE_ONLY_ATTRIBUTES.includes(attribute.name)) {
      copy.removeAttribute(attribute.name);
    }
  }
  if (declarations.length > 0) copy.setAttribute('style', declarations.join(';'));
  else copy.removeAttribute('style');
  const sourceChildren = source.children;
  const copyChildren = copy.children;
  for (let index = 0; index < sourceChildren.length; index += 1) {
    const sourceChild = sourceChildren[index];
    const copyChild = copyChildren[index];
    if (sourceChild && copyChild) inlineComputedStyles(sourceChild, copyChild, values);
  }
}
