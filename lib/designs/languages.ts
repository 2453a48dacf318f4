// Designs store ISO 639-1 codes; prompts read better with the language's name.
const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(code)) return false;
  try {
    return names.of(code) !== undefined;
  } catch {
    return false;
  }
}

export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
