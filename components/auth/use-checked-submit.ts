// Password forms check their input with the shared zod schema, send it, and
// show messages beside the fields they concern (the schema's before sending,
// the server's after); anything else goes under the form.
import { useState } from "react";
import type { z } from "zod";
import { messagesOfServer, messagesOfZod, type FieldMessages } from "./password-input";

export function useCheckedSubmit<Schema extends z.ZodType>(schema: Schema, send: (input: z.output<Schema>) => Promise<unknown>) {
  const [fields, setFields] = useState<FieldMessages>({});
  const [error, setError] = useState<string | null>(null);
  /** Resolves with what was sent once the server accepted it; null when a message is shown instead. */
  async function submit(values: unknown): Promise<z.output<Schema> | null> {
    setError(null);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setFields(messagesOfZod(parsed.error));
      return null;
    }
    setFields({});
    try {
      await send(parsed.data);
    } catch (caught) {
      const answer = messagesOfServer(caught);
      setFields(answer.fields);
      setError(answer.message);
      return null;
    }
    return parsed.data;
  }
  return { fields, error, setError, submit };
}
