/** The widget's stylesheet (inside its shadow root) and the colour helpers for the channel's colour. */

export const defaultColor = "#228be6";
const darkText = "#1f2328";

/** The colour as `#rrggbb` when it is one (any case, `#rgb` expanded), else the default. */
export function normalizeColor(value: string | null | undefined): string {
  const v = (value ?? "").trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`;
  return defaultColor;
}

/** WCAG relative luminance of a `#rrggbb` colour (0 black … 1 white). */
export function luminance(hex: string): number {
  const color = normalizeColor(hex);
  const channel = (i: number): number => {
    const c = Number.parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * White or dark text on the given background by its luminance: white up to 0.3 (Mantine's threshold,
 * so brand colours such as the default blue keep white text, as in the manager's app), dark above.
 */
export const textOn = (background: string): string => (luminance(background) <= 0.3 ? "#ffffff" : darkText);

/** The channel's colour when it shows well on white (icons, outlines), else dark text colour. */
export const inkOnWhite = (color: string): string =>
  contrastRatio(color, "#ffffff") >= 3 ? normalizeColor(color) : darkText;

/** The CSS custom properties of a channel colour. */
export function colorVars(color: string): Record<string, string> {
  const accent = normalizeColor(color);
  return { "--pw-accent": accent, "--pw-on-accent": textOn(accent), "--pw-ink": inkOnWhite(accent) };
}

const font = `system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif`;

/**
 * `:host` declarations are important: important declarations of the shadow tree win over the page's
 * important ones for the host element, so `* { … !important }` on the page cannot move or hide it.
 * Inside, page selectors do not apply; inherited properties are set on the root explicitly.
 */
export const css = `
:host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483000!important;
width:0!important;height:0!important;bottom:0!important;right:0!important;margin:0!important;padding:0!important;
direction:ltr!important;visibility:visible!important;opacity:1!important;overflow:visible!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.pw{font:400 14px/1.45 ${font};color:${darkText};text-align:left;letter-spacing:normal;word-spacing:normal;
text-transform:none;text-indent:0;white-space:normal;font-style:normal;color-scheme:light;
-webkit-font-smoothing:antialiased;-webkit-text-size-adjust:100%;--pw-muted:#5c636a}
button{font:inherit;color:inherit;background:none;border:0;margin:0;padding:0;cursor:pointer;display:inline-flex;
align-items:center;justify-content:center;text-transform:none}
a{color:inherit}
svg{display:block;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
button:focus-visible,a:focus-visible{outline:2px solid var(--pw-ink);outline-offset:2px}
.launcher{position:fixed;bottom:20px;right:20px;width:56px;height:56px;border-radius:50%;
background:var(--pw-accent);color:var(--pw-on-accent);box-shadow:0 4px 14px rgba(0,0,0,.22);transition:transform .15s}
.launcher:hover{transform:scale(1.06)}
.launcher svg{width:26px;height:26px}
.left .launcher{right:auto;left:20px}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;
background:#e03131;color:#fff;font-size:12px;font-weight:600;line-height:16px;text-align:center;border:2px solid #fff}
.window{position:fixed;bottom:88px;right:20px;width:360px;height:560px;max-width:calc(100vw - 40px);
max-height:calc(100vh - 108px);background:#fff;border-radius:12px;display:flex;flex-direction:column;overflow:hidden;
box-shadow:0 8px 32px rgba(0,0,0,.18),0 0 0 1px rgba(0,0,0,.06)}
.left .window{right:auto;left:20px}
@media (max-width:480px),(max-height:560px){.window{inset:0;width:100%;height:100%;max-width:none;max-height:none;
border-radius:0}.open .launcher{display:none}}
.header{display:flex;align-items:center;gap:8px;padding:10px 10px 10px 16px;background:var(--pw-accent);
color:var(--pw-on-accent);flex:none}
.title{flex:1;min-width:0;font-size:16px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.icon{width:36px;height:36px;border-radius:8px;flex:none}
.icon:hover{background:rgba(127,127,127,.16)}
.icon svg{width:20px;height:20px}
.list{flex:1;min-height:0;overflow-y:auto;padding:8px 12px 12px;display:flex;flex-direction:column;
background:#f6f7f9;overscroll-behavior:contain;overflow-anchor:none}
.rows{display:flex;flex-direction:column}
.note{text-align:center;color:var(--pw-muted);font-size:13px;padding:10px 8px}
.day{align-self:center;font-size:12px;color:var(--pw-muted);background:#e9ecef;padding:1px 10px;border-radius:10px;
margin:12px 0 4px}
.row{display:flex;align-items:flex-start;gap:8px;margin-top:3px}
.row.first{margin-top:12px}
.row.mine{justify-content:flex-end}
.avatar{width:28px;height:28px;border-radius:50%;flex:none;background:#dee2e6;color:#343a40;font-size:11px;
font-weight:600;display:flex;align-items:center;justify-content:center;overflow:hidden;object-fit:cover;margin-top:18px}
.gap{width:28px;flex:none}
.stack{display:flex;flex-direction:column;align-items:flex-start;min-width:0;max-width:80%}
.mine .stack{align-items:flex-end}
.author{font-size:12px;color:var(--pw-muted);margin:0 0 2px 4px;max-width:100%;overflow:hidden;text-overflow:ellipsis;
white-space:nowrap}
.bubble{padding:7px 11px;border-radius:14px;background:#fff;color:${darkText};max-width:100%;min-width:0;
box-shadow:0 1px 1px rgba(0,0,0,.07);overflow-wrap:anywhere}
.theirs .bubble{border-top-left-radius:4px}
.mine .bubble{background:var(--pw-accent);color:var(--pw-on-accent);border-top-right-radius:4px}
.text{white-space:pre-wrap}
.deleted{font-style:italic;opacity:.7}
.meta{display:flex;gap:6px;justify-content:flex-end;font-size:11px;opacity:.72;margin-top:2px;white-space:nowrap}
.quote{border-left:3px solid currentColor;padding:1px 8px;margin:2px 0 6px;opacity:.85;font-size:13px}
.quote b{display:block;font-weight:600}
.quote span{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.part{margin:4px 0}
.part img{display:block;max-width:100%;max-height:240px;border-radius:8px}
.part img.small{max-width:120px}
.part video{display:block;max-width:100%;max-height:240px;border-radius:8px;background:#000}
.part audio{display:block;width:240px;max-width:100%}
.file{display:flex;flex-direction:column;padding:6px 10px;border-radius:8px;background:rgba(127,127,127,.14);
text-decoration:none;min-width:0;max-width:260px}
.file b{font-weight:500;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.file span{font-size:12px;opacity:.75}
.btn-link{display:block;text-align:center;padding:6px 10px;border-radius:8px;border:1px solid currentColor;
margin-top:6px;text-decoration:none}
.progress{height:4px;border-radius:2px;background:rgba(127,127,127,.3);overflow:hidden;margin-top:6px}
.progress div{height:100%;background:currentColor}
.pending .bubble{opacity:.8}
.fail{display:flex;gap:10px;justify-content:flex-end;font-size:12px;color:#c92a2a;margin-top:3px}
.fail button{text-decoration:underline;color:#c92a2a}
.typing{padding:4px 16px;font-size:12px;color:var(--pw-muted);font-style:italic;background:#f6f7f9;flex:none}
.error{margin:12px;padding:10px 12px;border-radius:8px;background:#fff5f5;color:#a61e1e;font-size:13px;flex:none}
.error button{display:block;margin-top:6px;text-decoration:underline}
.composer{display:flex;align-items:flex-end;gap:2px;padding:6px;border-top:1px solid #e9ecef;background:#fff;flex:none}
.composer textarea{flex:1;min-width:0;resize:none;border:0;outline:0;margin:0;padding:8px 6px;height:36px;
max-height:120px;font:inherit;line-height:20px;color:inherit;background:transparent;display:block}
.composer textarea::placeholder{color:#868e96;opacity:1}
.composer .icon{color:var(--pw-muted)}
.composer .send{color:var(--pw-ink)}
.composer button:disabled{opacity:.4;cursor:default}
`;
