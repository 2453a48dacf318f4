export {
  describePosition,
  isValidVariableName,
  VARIABLE_NAME_PATTERN,
  type DiagnosticCode,
  type TemplateDiagnostic,
} from "./diagnostics";
export {
  parseTemplate,
  variableNames,
  type ParsedTemplate,
  type ParseOptions,
  type TemplatePart,
  type VariableRef,
} from "./parse";
export { closestName, editDistance } from "./suggest";
export {
  allDiagnostics,
  formatDiagnostics,
  hasErrors,
  templateLabel,
  validateTemplates,
  type BuiltinVariable,
  type TemplateValidation,
  type ValidateTemplatesInput,
  type ValidationResult,
} from "./validate";
export { renderTemplate, type TemplateValues } from "./render";
export {
  countCombinations,
  expandPrompts,
  type CombinationCount,
  type ExpandedPrompt,
  type ExpansionInput,
  type ExpansionResult,
  type ExpansionVariables,
  type TemplateCombinations,
} from "./expand";
export {
  DEFAULT_MAX_PROMPTS,
  PROMPT_LIMIT,
  combinatorialExpansionSchema,
  defaultExpansionConfig,
  expansionConfigSchema,
  randomExpansionSchema,
  type ExpansionConfig,
  type ResolvedExpansionConfig,
} from "./expansion-config";
