import { describe, expect, it } from "vitest";
import { isTextField, keyToAction, type KeyInput, type KeyState } from "./keyboard";

const idle: KeyState = { editing: false, labelCount: 3, dialogOpen: false };
const press = (key: string, extra: Partial<KeyInput> = {}, state: Partial<KeyState> = {}) => keyToAction({ key, inTextField: false, ...extra }, { ...idle, ...state });

describe("keyToAction", () => {
  it("maps the review keys, upper or lower case", () => {
    expect(press("a")).toEqual({ type: "accept" });
    expect(press("A")).toEqual({ type: "accept" });
    expect(press("r")).toEqual({ type: "reject" });
    expect(press("e")).toEqual({ type: "edit" });
    expect(press("?")).toEqual({ type: "help" });
  });

  it("moves with the arrows and J/K", () => {
    expect(press("ArrowRight")).toEqual({ type: "next" });
    expect(press("j")).toEqual({ type: "next" });
    expect(press("ArrowLeft")).toEqual({ type: "previous" });
    expect(press("K")).toEqual({ type: "previous" });
  });

  it("chooses labels 1–9 only as far as there are labels", () => {
    expect(press("1")).toEqual({ type: "label", index: 0 });
    expect(press("3")).toEqual({ type: "label", index: 2 });
    expect(press("4")).toBeNull();
    expect(press("0")).toBeNull();
    expect(press("1", {}, { labelCount: 0 })).toBeNull();
  });

  it("never fires while typing in a text field, nor with a modifier", () => {
    expect(press("a", { inTextField: true })).toBeNull();
    expect(press("ArrowRight", { inTextField: true })).toBeNull();
    expect(press("1", { inTextField: true })).toBeNull();
    expect(press("r", { ctrlKey: true })).toBeNull();
    expect(press("a", { metaKey: true })).toBeNull();
    expect(press("j", { altKey: true })).toBeNull();
  });

  it("in edit mode, only saves (Ctrl or ⌘ + Enter) and cancels (Esc)", () => {
    const editing = { editing: true };
    expect(press("Enter", { ctrlKey: true, inTextField: true }, editing)).toEqual({ type: "save" });
    expect(press("Enter", { metaKey: true, inTextField: true }, editing)).toEqual({ type: "save" });
    expect(press("Escape", { inTextField: true }, editing)).toEqual({ type: "cancel" });
    expect(press("Enter", { inTextField: true }, editing)).toBeNull();
    expect(press("a", {}, editing)).toBeNull();
    expect(press("ArrowRight", {}, editing)).toBeNull();
  });

  it("leaves the keyboard to an open dialog", () => {
    expect(press("a", {}, { dialogOpen: true })).toBeNull();
    expect(press("Escape", {}, { dialogOpen: true, editing: true })).toBeNull();
  });

  it("does not treat Ctrl+Enter outside edit mode as anything", () => {
    expect(press("Enter", { ctrlKey: true })).toBeNull();
  });
});

describe("isTextField", () => {
  const element = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;
  it("tells text fields from the rest", () => {
    expect(isTextField(element("TEXTAREA"))).toBe(true);
    expect(isTextField(element("INPUT", { type: "text" }))).toBe(true);
    expect(isTextField(element("INPUT", { type: "search" }))).toBe(true);
    expect(isTextField(element("DIV", { isContentEditable: true }))).toBe(true);
    expect(isTextField(element("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isTextField(element("BUTTON"))).toBe(false);
    expect(isTextField(element("DIV"))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
