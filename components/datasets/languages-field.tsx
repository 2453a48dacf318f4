"use client";

import { isLanguageCode, languageName } from "@/lib/designs/languages";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { splitList } from "./design-draft";
import { Field, issuesAt, type FieldIssue } from "./form-issues";
import { FormSection } from "./section";

type Props = {
  languages: string;
  /** undefined: the type has no sample count (transform). */
  samplesPerPrompt?: string;
  onChange: (patch: { languages?: string; samplesPerPrompt?: string }) => void;
  issues: readonly FieldIssue[];
};

export function LanguagesField({ languages, samplesPerPrompt, onChange, issues }: Props) {
  const codes = splitList(languages);
  const invalid = codes.filter((code) => !isLanguageCode(code));
  // Live messages come first; the server's own are shown too once it has answered.
  const languageIssues = [...new Set([...invalid.map((code) => `"${code}" is not an ISO 639-1 language code; use codes such as "en", "fr", "de"`), ...issuesAt(issues, "languages")])];

  return (
    <FormSection title="Languages and samples" description="Every prompt is sent once per language; each call asks for several texts.">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Field label="Languages" htmlFor="languages" hint="ISO 639-1 codes, separated by commas: en, fr, de" issues={languageIssues}>
          <Input id="languages" data-testid="languages" value={languages} aria-invalid={languageIssues.length > 0 || undefined} onChange={(event) => onChange({ languages: event.target.value })} />
          {codes.length > 0 ? (
            <div className="flex flex-wrap gap-1.5">
              {codes.map((code, index) => (
                <Badge key={`${code}-${index}`} variant={isLanguageCode(code) ? "outline" : "destructive"}>
                  {isLanguageCode(code) ? `${code} · ${languageName(code)}` : code}
                </Badge>
              ))}
            </div>
          ) : null}
        </Field>
        {samplesPerPrompt === undefined ? null : (
        <Field label="Samples per prompt" htmlFor="samples-per-prompt" hint="Rows asked for in one prompt (1–100), {{num_samples}}" issues={issuesAt(issues, "samplesPerPrompt")}>
          <Input
            id="samples-per-prompt"
            data-testid="samples-per-prompt"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={samplesPerPrompt}
            onChange={(event) => onChange({ samplesPerPrompt: event.target.value })}
          />
        </Field>
        )}
      </div>
    </FormSection>
  );
}
