// The focus view's shortcuts as a pure function (key + state → action), so what
// each key does is tested without a browser. The view listens on the document
// and calls this for every keydown.
export type KeyInput = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The key went to a text field (input, textarea, select, contenteditable). */
  inTextField: boolean;
};

export type KeyState = {
  editing: boolean;
  /** Labels that 1–9 choose from (the design's, in order); 0 disables the digits. */
  labelCount: number;
  /** Another dialog (the shortcuts, a confirmation) has the keyboard. */
  dialogOpen: boolean;
};

export type KeyAction =
  | { type: "accept" }
  | { type: "reject" }
  | { type: "edit" }
  | { type: "save" }
  | { type: "cancel" }
  | { type: "next" }
  | { type: "previous" }
  | { type: "label"; index: number }
  | { type: "help" };

export function keyToAction(input: KeyInput, state: KeyState): KeyAction | null {
  if (state.dialogOpen) return null;
  const command = Boolean(input.ctrlKey || input.metaKey);
  if (state.editing) {
    // While editing, every other key is typing.
    if (command && input.key === "Enter") return { type: "save" };
    if (input.key === "Escape") return { type: "cancel" };
    return null;
  }
  // Typing a comment or a search is never a shortcut; nor are the browser's own shortcuts.
  if (input.inTextField || command || input.altKey) return null;
  switch (input.key) {
    case "a":
    case "A":
      return { type: "accept" };
    case "r":
    case "R":
      return { type: "reject" };
    case "e":
    case "E":
      return { type: "edit" };
    case "ArrowRight":
    case "j":
    case "J":
      return { type: "next" };
    case "ArrowLeft":
    case "k":
    case "K":
      return { type: "previous" };
    case "?":
      return { type: "help" };
  }
  if (/^[1-9]$/.test(input.key)) {
    const index = Number(input.key) - 1;
    return index < state.labelCount ? { type: "label", index } : null;
  }
  return null;
}

/** Whether a keydown's target is somewhere the user types. */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  if (element.tagName === "TEXTAREA" || element.tagName === "SELECT") return true;
  if (element.tagName !== "INPUT") return false;
  // Checkboxes, radios and buttons take no text: shortcuts still work on them.
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes((element as HTMLInputElement).type);
}

/** The shortcuts, as the "?" dialog lists them. */
export const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: ["A"], does: "Accept the row" },
  { keys: ["R"], does: "Reject the row" },
  { keys: ["1", "…", "9"], does: "Choose a label (toggle one with several labels)" },
  { keys: ["E"], does: "Edit the row's text" },
  { keys: ["Ctrl/⌘", "Enter"], does: "Save the edit" },
  { keys: ["Esc"], does: "Cancel the edit" },
  { keys: ["→", "or", "J"], does: "Next row" },
  { keys: ["←", "or", "K"], does: "Previous row" },
  { keys: ["?"], does: "Show these shortcuts" },
];
