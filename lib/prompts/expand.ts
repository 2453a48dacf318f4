import { expansionConfigSchema, type ExpansionConfig } from "./expansion-config";
import { parseTemplate, variableNames } from "./parse";
import { mulberry32, randomFraction, randomIndex, sampleDistinct, type Random } from "./random";

export type ExpansionVariables = Readonly<Record<string, readonly string[]>>;

export type ExpansionInput = {
  templates: readonly string[];
  variables: ExpansionVariables;
};

/** How many prompts one template yields: the product of `factors`, one per used variable. */
export type TemplateCombinations = {
  templateIndex: number;
  /** Expansion variables the template uses, in order of first appearance. */
  variables: string[];
  /** Number of values of each variable in `variables`. */
  factors: number[];
  combinations: number;
};

export type CombinationCount = { perTemplate: TemplateCombinations[]; total: number };

/** One concrete prompt: which template, and the value chosen for each variable it uses. */
export type ExpandedPrompt = { templateIndex: number; values: Record<string, string> };

export type ExpansionResult = {
  prompts: ExpandedPrompt[];
  /** Distinct prompts the templates and variables allow, before any cap. */
  total: number;
  /** Combinatorial only: `maxPrompts` cut the list short. */
  capped: boolean;
  /** Random without duplicates only: how many fewer prompts than `count` were returned. */
  shortBy: number;
  /** A sentence for the UI or CLI when capped or short. */
  notice?: string;
};

/**
 * Counts without expanding, cheap enough for a live "planned count". Only the variables a
 * template uses multiply its count; builtins and undefined names are not expansion's concern.
 */
export function countCombinations({ templates, variables }: ExpansionInput): CombinationCount {
  const perTemplate = templates.map((text, templateIndex) => {
    const names = variableNames(parseTemplate(text)).filter((name) => Object.hasOwn(variables, name));
    const factors = names.map((name) => variables[name]?.length ?? 0);
    const combinations = factors.reduce((product, factor) => product * factor, 1);
    return { templateIndex, variables: names, factors, combinations };
  });
  const total = perTemplate.reduce((sum, plan) => sum + plan.combinations, 0);
  return { perTemplate, total };
}

/**
 * Turns templates × variable values into concrete prompts. Prompts are decoded from their
 * index (mixed radix), never by building the cartesian product, so a capped or random
 * expansion of an astronomically large space costs only the prompts it returns.
 */
export function expandPrompts(
  input: ExpansionInput & { expansion: ExpansionConfig },
): ExpansionResult {
  const config = expansionConfigSchema.parse(input.expansion);
  const count = countCombinations(input);
  if (config.mode === "combinatorial") return expandAll(count, input.variables, config.maxPrompts);
  return expandRandom(count, input.variables, config);
}

function expandAll(
  { perTemplate, total }: CombinationCount,
  variables: ExpansionVariables,
  maxPrompts: number,
): ExpansionResult {
  const limit = Math.min(total, maxPrompts);
  const prompts: ExpandedPrompt[] = [];
  for (const plan of perTemplate) {
    for (let local = 0; local < plan.combinations && prompts.length < limit; local++) {
      prompts.push(decodePrompt(plan, local, variables));
    }
    if (prompts.length >= limit) break;
  }
  const capped = total > maxPrompts;
  return {
    prompts,
    total,
    capped,
    shortBy: 0,
    ...(capped
      ? {
          notice: `The combinatorial expansion makes ${formatCount(total)} prompts; only the first ${formatCount(maxPrompts)} are used. Raise maxPrompts or switch to random expansion.`,
        }
      : {}),
  };
}

function expandRandom(
  { perTemplate, total }: CombinationCount,
  variables: ExpansionVariables,
  config: { count: number; seed: number; allowDuplicates: boolean },
): ExpansionResult {
  const next = mulberry32(config.seed);
  let prompts: ExpandedPrompt[];
  if (total === 0) {
    prompts = [];
  } else if (!Number.isSafeInteger(total)) {
    prompts = drawByDigits(perTemplate, total, variables, config.count, config.allowDuplicates, next);
  } else {
    const indices = config.allowDuplicates
      ? Array.from({ length: config.count }, () => randomIndex(next, total))
      : sampleDistinct(next, total, Math.min(config.count, total));
    const locate = indexLocator(perTemplate);
    prompts = indices.map((index) => {
      const { plan, local } = locate(index);
      return decodePrompt(plan, local, variables);
    });
  }
  const shortBy = config.count - prompts.length;
  return {
    prompts,
    total,
    capped: false,
    shortBy,
    ...(shortBy > 0
      ? {
          notice: `Only ${formatCount(total)} distinct prompts exist, ${formatCount(shortBy)} fewer than the ${formatCount(config.count)} requested. Add templates or variable values, or allow duplicates.`,
        }
      : {}),
  };
}

/** Maps a global index to its template and the index within that template. */
function indexLocator(perTemplate: readonly TemplateCombinations[]) {
  const starts: number[] = [];
  let offset = 0;
  for (const plan of perTemplate) {
    starts.push(offset);
    offset += plan.combinations;
  }
  return (index: number): { plan: TemplateCombinations; local: number } => {
    // Last template whose start is ≤ index and which is not empty.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) low = mid;
      else high = mid - 1;
    }
    while (low > 0 && (perTemplate[low]?.combinations ?? 0) === 0) low--;
    const plan = perTemplate[low] as TemplateCombinations;
    return { plan, local: index - (starts[low] ?? 0) };
  };
}

/** Odometer order: the variable that appears last in the template changes fastest. */
function decodePrompt(
  plan: TemplateCombinations,
  local: number,
  variables: ExpansionVariables,
): ExpandedPrompt {
  const digits = new Array<number>(plan.factors.length).fill(0);
  let rest = local;
  for (let v = plan.factors.length - 1; v >= 0; v--) {
    const factor = plan.factors[v] ?? 1;
    digits[v] = rest % factor;
    rest = Math.floor(rest / factor);
  }
  return promptFromDigits(plan, digits, variables);
}

function promptFromDigits(
  plan: TemplateCombinations,
  digits: readonly number[],
  variables: ExpansionVariables,
): ExpandedPrompt {
  // fromEntries defines own properties, so even a variable named __proto__ keeps its value.
  const values = Object.fromEntries(
    plan.variables.map((name, v) => [name, variables[name]?.[digits[v] ?? 0] ?? ""]),
  );
  return { templateIndex: plan.templateIndex, values };
}

/**
 * Beyond 2^53 combinations a global index loses precision, so draw the template (weighted by
 * its size, keeping draws uniform over prompts) and then each variable's value. Such a space
 * dwarfs any allowed `count`, so rejecting a repeated draw almost never happens.
 */
function drawByDigits(
  perTemplate: readonly TemplateCombinations[],
  total: number,
  variables: ExpansionVariables,
  count: number,
  allowDuplicates: boolean,
  next: Random,
): ExpandedPrompt[] {
  const prompts: ExpandedPrompt[] = [];
  const seen = new Set<string>();
  while (prompts.length < count) {
    let target = randomFraction(next) * total;
    let plan = perTemplate.find((candidate) => {
      target -= candidate.combinations;
      return target < 0 && candidate.combinations > 0;
    });
    // Float rounding can leave target a hair above zero after the last template.
    plan ??= [...perTemplate].reverse().find((candidate) => candidate.combinations > 0);
    if (!plan) break;
    const digits = plan.factors.map((factor) => randomIndex(next, factor));
    const key = `${plan.templateIndex}:${digits.join(",")}`;
    if (!allowDuplicates && seen.has(key)) continue;
    seen.add(key);
    prompts.push(promptFromDigits(plan, digits, variables));
  }
  return prompts;
}

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
