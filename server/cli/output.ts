// stdout carries only JSON lines (machine output); humans read stderr.
export function emit(event: Record<string, unknown>) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

export function say(line: string) {
  process.stderr.write(`${line}\n`);
}

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = "CliError";
  }
}
