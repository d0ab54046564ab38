import { escapeHtml } from './escapeHtml.ts'

// NHS.UK look without its JavaScript or web font: Frutiger where installed, Arial otherwise.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:"Frutiger W01",Frutiger,Arial,sans-serif;color:#212b32;background:#f0f4f5;line-height:1.5}
body{margin:0;font-size:1.1875rem}
a{color:#005eb8}a:visited{color:#330072}a:hover{color:#7c2855}
a:focus,button:focus,summary:focus{outline:4px solid transparent;background:#ffeb3b;color:#212b32;box-shadow:0 -2px #ffeb3b,0 4px #212b32;text-decoration:none}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;z-index:1;padding:.5rem}
header.site{background:#005eb8;color:#fff;padding:1rem 0}
header.site p{margin:0;font-weight:600;font-size:1.25rem}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
main{background:#fff;padding:1.5rem 0 2.5rem}
h1{font-size:2.25rem;line-height:1.2;margin:0 0 1rem}h2{font-size:1.6rem;margin:2.5rem 0 1rem}h3{font-size:1.3rem;margin:2rem 0 .75rem}h4{font-size:1.1rem;margin:1.25rem 0 .5rem}
.lede{font-size:1.3rem}
.meta{color:#4c6272}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem;font-size:1rem}
caption{text-align:left;font-weight:600;font-size:1.1rem;padding-bottom:.5rem}
th,td{border-bottom:1px solid #d8dde0;padding:.5rem .5rem .5rem 0;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #212b32}
.num{text-align:right;white-space:nowrap}
.heat td{padding:.5rem;border:2px solid #fff}
.lvl-none{background:#f0f4f5}.lvl-0{background:#fde0d9}.lvl-1{background:#fff4c2}.lvl-2{background:#e0efc9}.lvl-3{background:#c8e6c9}.lvl-4{background:#b3e0dc}
.tag{display:inline-block;padding:0 .4rem;border:1px solid #212b32;border-radius:.2rem;font-size:.9rem;font-weight:600}
.panel{border-left:8px solid #005eb8;background:#f0f4f5;padding:1rem;margin:1rem 0}
.warn{border-left-color:#d5281b}
.area{border-top:4px solid #005eb8;margin-top:2rem}
.card{border:1px solid #d8dde0;border-bottom:4px solid #d8dde0;padding:1rem;margin:0 0 1rem;background:#fff}
.card h3{margin-top:0}
dl.pairs{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.pairs dt{font-weight:600}dl.pairs dd{margin:0}
.chart{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:1.5rem;align-items:start}figure{margin:0}
@media (max-width:48rem){.chart{grid-template-columns:1fr}body{font-size:1rem}h1{font-size:1.8rem}dl.pairs{grid-template-columns:1fr}}
footer.site{padding:1.5rem 0;font-size:1rem;color:#4c6272}
@media print{
  html,main{background:#fff}body{font-size:11pt}
  header.site{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 .5rem}
  .skip,nav.contents,.noprint{display:none}
  a{color:#000;text-decoration:none}
  .area,.card,table,tr{break-inside:avoid}h2,h3{break-after:avoid}
  .heat td{border:1px solid #000}
  @page{margin:18mm}
}`

/** One accessible page: landmarks, a skip link, a language, and the stylesheet inline so it prints offline. */
export function htmlPage(input: { title: string; body: string; siteName?: string; robots?: string }): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${input.robots ? `<meta name="robots" content="${escapeHtml(input.robots)}">` : ''}
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site"><div class="wrap"><p>${escapeHtml(input.siteName ?? 'Co-assess')}</p></div></header>
<main id="main"><div class="wrap">
${input.body}
</div></main>
<footer class="site"><div class="wrap"><p>Made with Co-assess, against the CQC framework “Addressing health inequalities through engagement with people and communities”.</p></div></footer>
</body>
</html>
`
}

/** The heat-map class for a level rank: colour is never the only cue, each cell also says its level. */
export function levelClass(rank: number | null): string {
  return rank === null ? 'lvl-none' : `lvl-${Math.min(rank, 4)}`
}
