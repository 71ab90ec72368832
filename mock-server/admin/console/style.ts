/**
 * The console's one style sheet, inline under the page's nonce. Mobile first: tables scroll inside their
 * own focusable region, forms stack; colours keep text at 4.5:1 or more against its background.
 */
export const CONSOLE_STYLE = `
:root{color-scheme:light;--ink:#18202e;--muted:#4a5466;--line:#cdd3de;--brand:#1a4fd6;--bad:#a3190f;--good:#106132;--warn:#7a4b00;--bg:#f4f6fa}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,[tabindex]:focus-visible{outline:3px solid #e0a100;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:2}.skip:focus{left:.5rem}
header{background:#101827;color:#fff;padding:.6rem 1rem}header p{margin:0;font-size:.85rem;color:#d5dbe6}
header .brand{font-weight:700;font-size:1.05rem;color:#fff;text-decoration:none}
nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
nav a{display:inline-block;padding:.35rem .65rem;border-radius:6px;color:#fff;text-decoration:none;border:1px solid #3b4a66}
nav a[aria-current=page]{background:#fff;color:#101827;font-weight:600}
main{padding:1rem;max-width:80rem;margin:0 auto}main:focus{outline:none}
h1{font-size:1.35rem;margin:.25rem 0 .75rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .4rem}
p{margin:.4rem 0}.muted{color:var(--muted)}.small{font-size:.85rem}
section,.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:.75rem 1rem;margin:0 0 1rem}section>h2:first-child{margin-top:.25rem}td time{white-space:nowrap}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}th{background:#eef1f6;white-space:nowrap}
td.path{word-break:break-all;min-width:12rem}code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{white-space:pre-wrap;word-break:break-all;background:#f7f8fb;border:1px solid var(--line);border-radius:6px;padding:.5rem;margin:.25rem 0;max-height:24rem;overflow:auto}
.status{display:inline-block;padding:0 .4rem;border-radius:4px;font-weight:600;border:1px solid currentColor}
.s2{color:var(--good)}.s3{color:var(--brand)}.s4{color:var(--warn)}.s5,.s0{color:var(--bad)}
.ok{color:var(--good);font-weight:600}.bad{color:var(--bad);font-weight:600}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.4rem 0}
form.inline .field{display:flex;flex-direction:column;min-width:8rem;flex:1 1 8rem}
label{font-weight:600;font-size:.85rem;margin-bottom:.15rem}label.check{display:flex;gap:.35rem;align-items:center;font-weight:400}
input,select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #8a94a6;border-radius:6px;background:#fff;color:var(--ink);max-width:100%}
textarea{width:100%;min-height:4rem}
button{font:inherit;padding:.4rem .8rem;border-radius:6px;border:1px solid var(--brand);background:var(--brand);color:#fff;cursor:pointer}
button.secondary{background:#fff;color:var(--brand)}button.danger{background:#fff;color:var(--bad);border-color:var(--bad)}
.flash{border:1px solid var(--good);background:#edf7f0;color:#0b4424;border-radius:8px;padding:.5rem .75rem;margin-bottom:1rem}
.problem{border:1px solid var(--bad);background:#fdf1f0;color:#7a130b;border-radius:8px;padding:.5rem .75rem;margin-bottom:1rem}
.note{border-left:4px solid var(--brand);background:#eef3ff;padding:.4rem .75rem;margin:.5rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .75rem;margin:.25rem 0}dl.facts dt{font-weight:600}dl.facts dd{margin:0;word-break:break-all}
details{margin:.25rem 0}summary{cursor:pointer;color:var(--brand)}
.live{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap;margin:.5rem 0}
tr.fresh td{background:#fff8db}
@media (min-width:48rem){header{display:flex;align-items:center;gap:1.5rem;flex-wrap:wrap}nav ul{margin:0}}`;
