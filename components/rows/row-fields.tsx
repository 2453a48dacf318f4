// A row's fields, for any dataset type: a conversation as a chat, lists as
// lists, text as text. Generated content is untrusted: React text only, never HTML.
import { cn } from "@/components/ui/cn";

type Message = { role: string; content: string };

const isMessages = (value: unknown): value is Message[] =>
  Array.isArray(value) && value.every((entry) => entry && typeof entry === "object" && typeof (entry as Message).role === "string" && typeof (entry as Message).content === "string");

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-muted-foreground">—</span>;
  if (isMessages(value)) {
    return (
      <ol className="grid gap-1.5">
        {value.map((message, index) => (
          <li key={index} className={cn("max-w-[90%] rounded-md px-2.5 py-1.5 whitespace-pre-wrap", message.role === "user" ? "justify-self-start bg-muted" : "justify-self-end bg-primary/10")}>
            <span className="mr-1.5 text-[11px] font-medium uppercase text-muted-foreground">{message.role}</span>
            {message.content}
          </li>
        ))}
      </ol>
    );
  }
  if (Array.isArray(value)) {
    return (
      <ul className="list-inside list-disc">
        {value.map((entry, index) => (
          <li key={index} className="whitespace-pre-wrap">{typeof entry === "string" ? entry : JSON.stringify(entry)}</li>
        ))}
      </ul>
    );
  }
  if (typeof value === "object") {
    return (
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
        {Object.entries(value as Record<string, unknown>).map(([key, entry]) => (
          <div key={key} className="contents">
            <dt className="text-muted-foreground">{key}</dt>
            <dd className="whitespace-pre-wrap">{typeof entry === "string" ? entry : JSON.stringify(entry)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span className="whitespace-pre-wrap">{String(value)}</span>;
}

/** Fields shown elsewhere (badges) can be left out with `hide`. */
export function RowFields({ data, hide = [] }: { data: Record<string, unknown>; hide?: readonly string[] }) {
  const entries = Object.entries(data).filter(([key]) => !hide.includes(key));
  return (
    <dl className="grid gap-2 text-sm" data-testid="row-fields">
      {entries.map(([key, value]) => (
        <div key={key} className="grid gap-0.5" data-field={key}>
          <dt className="text-xs font-medium text-muted-foreground">{key}</dt>
          <dd className="leading-relaxed">
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
