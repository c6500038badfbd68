import { describe, expect, it } from "vitest";
import { colorVars, contrastRatio, css, defaultColor, inkOnWhite, luminance, normalizeColor, textOn } from "./styles";

describe("colours", () => {
  it("normalizes colours and falls back to the default", () => {
    expect(normalizeColor("#AABBCC")).toBe("#aabbcc");
    expect(normalizeColor("#abc")).toBe("#aabbcc");
    expect(normalizeColor("red")).toBe(defaultColor);
    expect(normalizeColor("#12345")).toBe(defaultColor);
    expect(normalizeColor("url(x)")).toBe(defaultColor);
    expect(normalizeColor(null)).toBe(defaultColor);
  });

  it("computes WCAG luminance and contrast", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });

  it("picks white text on dark colours and dark text on light ones", () => {
    expect(textOn("#228be6")).toBe("#ffffff");
    expect(textOn("#1a1b1e")).toBe("#ffffff");
    expect(textOn("#c92a2a")).toBe("#ffffff");
    expect(textOn("#ffd43b")).not.toBe("#ffffff");
    expect(textOn("#ffffff")).not.toBe("#ffffff");
    expect(textOn("#a5d8ff")).not.toBe("#ffffff");
  });

  it("keeps the chosen text readable", () => {
    for (const color of ["#228be6", "#ffd43b", "#40c057", "#000000", "#ffffff", "#868e96", "#e64980", "#7950f2"]) {
      expect(contrastRatio(color, textOn(color))).toBeGreaterThanOrEqual(3);
    }
  });

  it("uses the channel colour for icons on white only when it shows", () => {
    expect(inkOnWhite("#1c7ed6")).toBe("#1c7ed6");
    expect(inkOnWhite("#ffd43b")).not.toBe("#ffd43b");
  });

  it("gives the CSS variables", () => {
    expect(colorVars("#FFD43B")).toEqual({
      "--pw-accent": "#ffd43b",
      "--pw-on-accent": textOn("#ffd43b"),
      "--pw-ink": inkOnWhite("#ffd43b"),
    });
  });
});

describe("stylesheet", () => {
  it("shields the host from the page's important rules", () => {
    const host = css.match(/:host\{[^}]*\}/)?.[0] ?? "";
    expect(host).toContain("all:initial!important");
    expect(host).toContain("position:fixed!important");
    expect(host).toContain("z-index:2147483000!important");
  });

  it("sets the font on the root and never uses rem (relative to the page's html)", () => {
    expect(css).toMatch(/\.pw\{font:400 14px\/1\.45 system-ui/);
    expect(css).not.toMatch(/\drem\b/);
  });
});
