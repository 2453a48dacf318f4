// One row laid out for its type. Generated text is untrusted: everything here is
// React text (escaped), never HTML; whitespace-pre-wrap keeps its line breaks.
import { Check, X } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { Field, RowDisplay, Side } from "./row-display";

function Text({ children, className, testId }: { children: string; className?: string; testId?: string }) {
  return (
    <p data-testid={testId} className={cn("leading-relaxed break-words whitespace-pre-wrap", className)}>
      {children || <span className="text-muted-foreground">—</span>}
    </p>
  );
}

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={cn("grid gap-1", className)}>
      <h3 className="text-xs font-medium text-muted-foreground">{title}</h3>
      {children}
    </section>
  );
}

function Meta({ fields }: { fields: Field[] }) {
  if (fields.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" data-testid="focus-meta">
      {fields.map((field) => (
        <div key={field.name} className="flex gap-1">
          <dt>{field.name}</dt>
          <dd className="text-foreground">{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function PairSide({ title, side, tone }: { title: string; side: Side; tone: "chosen" | "rejected" }) {
  return (
    <section data-testid={`focus-${tone}`} className={cn("grid content-start gap-2 rounded-md border p-3", tone === "chosen" ? "border-success/30 bg-success/5" : "border-destructive/30 bg-destructive/5")}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium">{title}</h3>
        {side.model ? <span className="font-mono text-xs text-muted-foreground">{side.model}</span> : null}
        {side.score !== null ? (
          <Badge variant={tone === "chosen" ? "success" : "destructive"} data-testid={`focus-${tone}-score`}>
            score {side.score}
          </Badge>
        ) : null}
      </div>
      <Text>{side.text}</Text>
      {side.assessment ? <p className="text-xs whitespace-pre-wrap text-muted-foreground">{side.assessment}</p> : null}
    </section>
  );
}

export function RowBody({ display }: { display: RowDisplay }) {
  switch (display.type) {
    case "classification":
    case "text":
      return (
        <div className="grid gap-3">
          <Text testId="focus-text" className="text-[15px]">
            {display.text}
          </Text>
          <Meta fields={display.meta} />
        </div>
      );
    case "conversation":
      return (
        <div className="grid gap-3">
          <ol className="grid gap-2" aria-label="Conversation" data-testid="focus-messages">
            {display.messages.map((message, index) => (
              <li key={index} data-role={message.role} className={cn("max-w-[88%] rounded-lg px-3 py-2", message.role === "user" ? "justify-self-start bg-muted" : "justify-self-end bg-primary/10")}>
                <span className="block text-[11px] font-medium text-muted-foreground uppercase">{message.role}</span>
                <Text>{message.content}</Text>
              </li>
            ))}
          </ol>
          <Meta fields={display.meta} />
        </div>
      );
    case "mcq":
      return (
        <div className="grid gap-3">
          <Text testId="focus-text" className="text-[15px] font-medium">
            {display.question}
          </Text>
          <ol className="grid gap-1.5" aria-label="Options" data-testid="focus-options">
            {display.options.map((option, index) => (
              <li key={index} data-correct={option.correct || undefined} className={cn("flex items-start gap-2 rounded-md border px-3 py-2", option.correct && "border-success/40 bg-success/10")}>
                <span className="font-mono text-xs text-muted-foreground">{String.fromCharCode(65 + index)}</span>
                <Text className="flex-1">{option.text}</Text>
                {option.correct ? (
                  <span className="flex items-center gap-1 text-xs font-medium text-success">
                    <Check className="size-3.5" aria-hidden /> answer
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          <details className="text-sm">
            <summary className="cursor-pointer text-xs text-muted-foreground">Source document</summary>
            <Text className="mt-1 max-h-60 overflow-y-auto rounded-md bg-muted p-2 text-xs">{display.source}</Text>
          </details>
          <Meta fields={display.meta} />
        </div>
      );
    case "preference":
      return (
        <div className="grid gap-3">
          <Section title="Instruction">
            <Text testId="focus-text" className="font-medium">
              {display.instruction}
            </Text>
          </Section>
          <div className="grid gap-3 md:grid-cols-2">
            <PairSide title="Chosen" side={display.chosen} tone="chosen" />
            <PairSide title="Rejected" side={display.rejected} tone="rejected" />
          </div>
          <p className="text-xs text-muted-foreground">
            {display.swapped ? "The judge preferred the response generated as rejected, so the pair was swapped. " : null}
            {display.evolution.length ? `Evolved: ${display.evolution.join(" → ")}.` : null}
          </p>
          <Meta fields={display.meta} />
        </div>
      );
    case "reasoning":
      return (
        <div className="grid gap-3">
          <Section title="Problem">
            <Text testId="focus-text" className="font-medium">
              {display.instruction}
            </Text>
          </Section>
          <details className="rounded-md border bg-muted/40 px-3 py-2" data-testid="focus-reasoning">
            <summary className="cursor-pointer text-sm font-medium">Reasoning trace{display.reasoningSource === "response" ? " (written in the answer)" : ""}</summary>
            <Text className="mt-2 text-sm">{display.reasoning}</Text>
          </details>
          <Section title="Answer">
            <Text>{display.answer}</Text>
          </Section>
          {display.verified !== null ? (
            <p className="flex items-center gap-1.5 text-sm">
              {display.verified ? <Check className="size-4 text-success" aria-hidden /> : <X className="size-4 text-destructive" aria-hidden />}
              {display.verified ? "Verified by the judge" : "Not verified by the judge"}
              {display.verification ? <span className="text-muted-foreground">: {display.verification}</span> : null}
            </p>
          ) : null}
          <Meta fields={display.meta} />
        </div>
      );
    case "transform":
      return (
        <div className="grid gap-3 md:grid-cols-2">
          {[
            { title: "Inputs (source row)", fields: display.inputs, testId: "focus-inputs" },
            { title: "Outputs", fields: display.outputs, testId: "focus-outputs" },
          ].map((column) => (
            <Section key={column.title} title={column.title}>
              <dl className="grid gap-2 rounded-md border p-3" data-testid={column.testId}>
                {column.fields.map((field) => (
                  <div key={field.name} className="grid gap-0.5">
                    <dt className="text-xs text-muted-foreground">{field.name}</dt>
                    <dd>
                      <Text>{field.value}</Text>
                    </dd>
                  </div>
                ))}
              </dl>
            </Section>
          ))}
        </div>
      );
  }
}
