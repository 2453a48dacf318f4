"use client";

// One filter of the filter bar: a button that opens a list of the values the
// dataset has (with how many rows carry each), any number of them checked.
import { Check, ChevronDown } from "lucide-react";
import { Popover } from "radix-ui";
import { useState, type ReactNode } from "react";
import { formatCount } from "@/components/format";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";

export type FacetOption = { value: string; count: number; label?: ReactNode };

type Props = {
  name: string;
  /** What one value is, for the search box ("Find a reviewer…"); the name in lower case by default. */
  noun?: string;
  testId: string;
  options: FacetOption[];
  selected: readonly string[];
  onChange(values: string[]): void;
};

const SEARCHABLE_FROM = 10;

export function FacetFilter({ name, noun = name.toLowerCase(), testId, options, selected, onChange }: Props) {
  const [search, setSearch] = useState("");
  const wanted = search.trim().toLowerCase();
  // Values in the address that the dataset no longer has stay listed, so they can be unchecked.
  const known = new Set(options.map((option) => option.value));
  const all: FacetOption[] = [...options, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, count: 0 }))];
  const shown = wanted ? all.filter((option) => option.value.toLowerCase().includes(wanted)) : all;
  const toggle = (value: string) => onChange(selected.includes(value) ? selected.filter((other) => other !== value) : [...selected, value]);

  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button variant="outline" size="sm" data-testid={`filter-${testId}`} className={cn(selected.length > 0 && "border-primary/60 bg-primary/5")}>
          {name}
          {selected.length > 0 ? <span className="rounded bg-primary px-1 text-[0.65rem] text-primary-foreground tabular-nums">{selected.length}</span> : null}
          <ChevronDown aria-hidden />
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" sideOffset={4} className="z-50 grid w-72 gap-2 rounded-md border bg-card p-2 shadow-md" data-testid={`filter-${testId}-options`}>
          {all.length >= SEARCHABLE_FROM ? <Input placeholder={`Find a ${noun}…`} value={search} onChange={(event) => setSearch(event.target.value)} className="h-8" aria-label={`Find a ${noun}`} /> : null}
          <ul role="listbox" aria-multiselectable aria-label={name} className="max-h-72 overflow-y-auto">
            {shown.length === 0 ? <li className="px-2 py-1.5 text-sm text-muted-foreground">No values</li> : null}
            {shown.map((option) => {
              const checked = selected.includes(option.value);
              return (
                <li key={option.value} role="option" aria-selected={checked}>
                  <button
                    type="button"
                    data-testid="filter-option"
                    data-value={option.value}
                    onClick={() => toggle(option.value)}
                    className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none"
                  >
                    <span className={cn("flex size-4 shrink-0 items-center justify-center rounded border", checked && "border-primary bg-primary text-primary-foreground")}>{checked ? <Check className="size-3" aria-hidden /> : null}</span>
                    <span className="min-w-0 flex-1 truncate">{option.label ?? option.value}</span>
                    <span className="text-xs text-muted-foreground tabular-nums">{formatCount(option.count)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {selected.length > 0 ? (
            <Button variant="ghost" size="sm" onClick={() => onChange([])}>
              Clear {name.toLowerCase()}
            </Button>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

type FlagProps = { name: string; testId: string; value: boolean | undefined; yes: string; no: string; onChange(value: boolean | undefined): void };

/** A yes / no / either filter (edited, near-duplicates). */
export function FlagFilter({ name, testId, value, yes, no, onChange }: FlagProps) {
  const choices: [string, boolean | undefined][] = [
    ["Any", undefined],
    [yes, true],
    [no, false],
  ];
  return (
    <div role="radiogroup" aria-label={name} data-testid={`filter-${testId}`} className="inline-flex h-8 items-center rounded-md border bg-card p-0.5 text-xs">
      {choices.map(([label, choice]) => (
        <button
          key={label}
          type="button"
          role="radio"
          aria-checked={value === choice}
          onClick={() => onChange(choice)}
          className={cn("h-full rounded px-2 text-muted-foreground hover:text-foreground", value === choice && "bg-muted font-medium text-foreground")}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
