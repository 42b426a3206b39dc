import type { PlanResult } from './plan.js';

type Lang = 'da' | 'en';

function pct(x: number, lang: Lang, d = 1): string {
  const s = (x * 100).toFixed(d);
  return lang === 'da' ? `${s.replace('.', ',')} %` : `${s}%`;
}
function pp(x: number | null, lang: Lang): string {
  if (x === null) return lang === 'da' ? 'ingen' : 'none';
  const s = (x * 100).toFixed(1);
  return lang === 'da' ? `${s.replace('.', ',')} procentpoint` : `${s} pp`;
}

/** The plan for a terminal: inputs, MDE, power at the target, required size, the MDE table, warnings. */
export function planText(r: PlanResult, lang: Lang): string {
  const da = lang === 'da';
  const i = r.input;
  const lines = [
    da ? 'effekt plan: planlagt kohorte' : 'effekt plan: planned cohort',
    `  ${da ? 'deltagere' : 'participants'}: ${i.participants}, ${da ? 'kontrolpersoner' : 'controls'}: ${r.controls} (1:${i.control_ratio})`,
    `  ${da ? 'forventet andel i kontrolgruppen' : 'expected control share'}: ${pct(i.control_share, lang)}`,
    `  ${da ? 'mål for mereffekt' : 'target net effect'}: ${pp(i.target_effect, lang)}`,
    `  α = ${i.alpha} (${i.alternative === 'two-sided' ? (da ? 'tosidet' : 'two-sided') : da ? 'ensidet' : 'one-sided'}), ${da ? 'styrke' : 'power'} ${pct(i.power, lang, 0)}, ${da ? 'metode' : 'method'} ${i.method}`,
    '',
    `${da ? 'Mindste påviselige effekt' : 'Minimum detectable effect'}: ${pp(r.minimum_detectable_effect, lang)}`,
    `${da ? 'Styrke for målet' : 'Power for the target'}: ${pct(r.power_at_target, lang)}`,
    `${da ? 'Nødvendigt antal deltagere' : 'Participants needed'}: ${r.required_participants ?? '-'}${r.required_controls === null ? '' : ` (${r.required_controls} ${da ? 'kontrolpersoner' : 'controls'})`}`,
    '',
    da ? `Mindste påviselige effekt ved ${i.participants} deltagere:` : `Minimum detectable effect at ${i.participants} participants:`,
  ];
  const ratios = [...new Set(r.sensitivity.map((s) => s.control_ratio))];
  const shares = [...new Set(r.sensitivity.map((s) => s.control_share))];
  lines.push(`  ${(da ? 'kontrolandel' : 'control share').padEnd(14)}${ratios.map((k) => `1:${k}`.padStart(10)).join('')}`);
  for (const sh of shares) {
    const cells = ratios.map((k) => {
      const v = r.sensitivity.find((s) => s.control_share === sh && s.control_ratio === k)?.minimum_detectable_effect ?? null;
      const t = v === null ? '-' : (v * 100).toFixed(1);
      return (da ? t.replace('.', ',') : t).padStart(10);
    });
    lines.push(`  ${pct(sh, lang).padEnd(14)}${cells.join('')}`);
  }
  lines.push(da ? '  (procentpoint)' : '  (percentage points)');
  for (const w of r.warnings) lines.push('', `${da ? 'ADVARSEL' : 'WARNING'}: ${da ? danish(w.code, r) : w.message}`);
  return lines.join('\n') + '\n';
}

function danish(code: 'target_below_mde' | 'many_controls', r: PlanResult): string {
  if (code === 'many_controls') return 'mere end 10 kontrolpersoner pr. deltager giver kun lidt mere styrke: deltagernes egen variation dominerer';
  const need = r.required_participants === null ? '' : `; der skal bruges omkring ${r.required_participants} deltagere`;
  return `målet for mereffekten (${pp(r.input.target_effect, 'da')}) er mindre end den mindste påviselige effekt (${pp(r.minimum_detectable_effect, 'da')}) ved ${r.input.participants} deltagere og ${r.controls} kontrolpersoner: styrken til at påvise det er kun ${pct(r.power_at_target, 'da', 0)}${need}`;
}
