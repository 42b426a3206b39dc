/**
 * Every user-facing text of the effect note in Danish. en.ts has exactly the same keys
 * (the compiler checks the shape, test/report/messages.test.ts the keys at run time).
 * Functions take already formatted numbers (see format.ts), so wording and number
 * formatting stay apart. Labels that come with the data (outcome labels from the spec,
 * ingest's exclusion reasons) are rendered as given.
 */
export const da = {
  lang: 'da',
  noteTitle: (title: string) => `Effektnotat: ${title}`,
  subtitle: (a: { n1: string; n2: string; first: string; last: string }) => `${a.n1} deltagere og ${a.n2} i kontrolgruppen · opfølgning ${a.first} – ${a.last}`,
  internal: {
    banner: 'INTERNT – MÅ IKKE OFFENTLIGGØRES. Små tal er ikke diskretioneret (kørt med --unsuppressed).',
    short: 'INTERNT – MÅ IKKE OFFENTLIGGØRES',
    json: 'Intern udgave: små tal er ikke diskretioneret. Må ikke offentliggøres.',
  },
  page: { word: 'Side', of: 'af' },
  generated: (version: string) => `Udarbejdet med effekt ${version}.`,
  generatedAt: (ts: string) => `Tidsstempel: ${ts}.`,
  toc: 'Indhold',

  h: {
    summary: 'Sammenfatning',
    data: 'Data og metode',
    characteristics: 'Målgruppens karakteristika',
    results: 'Resultater',
    status: 'Forsørgelsesstatus ved opfølgning',
    effects: 'Effekt',
    subgroups: 'Effekt i undergrupper',
    continuous: 'Lønnede timer og lønindkomst blandt de beskæftigede',
    economics: 'Økonomi og betalingsmodel',
    progression: 'Progression: trivsel og arbejdsmarkedsparathed',
    limitations: 'Begrænsninger',
    appendix: 'Bilag: metoder og datagrundlag',
    methods: 'Statistiske metoder',
    alternatives: 'Andre intervaller og test',
    suppression: 'Diskretionering',
    provenance: 'Datagrundlagets oprindelse',
    reconciliation: 'Afstemning af datagrundlaget',
  },

  cat: {
    self_supporting_wage: 'Selvforsørgende – med løn i ordinær beskæftigelse',
    self_supporting_unknown: 'Selvforsørgende – ukendt indkomstgrundlag',
    wage_with_transfer: 'Løn i ordinær beskæftigelse med supplerende overførselsindkomst',
    education: 'Under uddannelse – med SU eller som voksenlærling',
    flexjob: 'Fleksjob eller ledighedsydelse',
    temporary_benefit: 'Overførselsindkomst – midlertidige ydelser',
    permanent_benefit: 'Overførselsindkomst – varige ydelser, f.eks. førtidspension',
    not_resident: 'Ikke bosiddende i Danmark',
  },
  catShort: {
    self_supporting_wage: 'Selvforsørgende, løn',
    self_supporting_unknown: 'Selvforsørgende, ukendt',
    wage_with_transfer: 'Løn + overførsel',
    education: 'Uddannelse',
    flexjob: 'Fleksjob',
    temporary_benefit: 'Midlertidige ydelser',
    permanent_benefit: 'Varige ydelser',
    not_resident: 'Ikke bosiddende',
  },
  /** How a known outcome reads after "x pct. af deltagerne …". */
  outcomePredicate: {
    self_supporting_or_education: 'var selvforsørgende eller i uddannelse',
    ordinary_employment: 'havde ordinær beskæftigelse',
  } as Record<string, string>,
  group: { participants: 'Deltagere', controls: 'Kontrolgruppe', total: 'I alt' },

  monthsAfter: (k: number) => {
    const words = ['nul måneder', 'en måned', 'to måneder', 'tre måneder', 'fire måneder', 'fem måneder', 'seks måneder'];
    return words[k] ?? `${k} måneder`;
  },

  sum: {
    what: (a: { n1: string; n2: string; municipalities: string; months: string; first: string; last: string }) =>
      `${a.n1} deltagere fra ${a.municipalities} er sammenlignet med en kontrolgruppe på ${a.n2} sammenlignelige borgere, der fik den almindelige indsats. ` +
      `Resultatet er målt i kalendermåneden ${a.months} efter, at den enkelte deltagers forløb sluttede (${a.first} til ${a.last}).`,
    effect: (a: { share1: string; share2: string; predicate: string; months: string; diff: string; ci: string; level: string }) =>
      `${a.share1} af deltagerne ${a.predicate} ${a.months} efter forløbet mod ${a.share2} i kontrolgruppen: en mereffekt på ${a.diff} (${a.level}-konfidensinterval: ${a.ci} procentpoint).`,
    effectLabelled: (a: { label: string; share1: string; share2: string; months: string; diff: string; ci: string; level: string }) =>
      `${a.label}: ${a.share1} af deltagerne mod ${a.share2} i kontrolgruppen ${a.months} efter forløbet, en mereffekt på ${a.diff} (${a.level}-konfidensinterval: ${a.ci} procentpoint).`,
    effectHidden: (a: { label: string; diff: string; ci: string; level: string; threshold: string }) =>
      `${a.label}: mereffekten er ${a.diff} (${a.level}-konfidensinterval: ${a.ci} procentpoint). Andelene vises ikke, fordi de bygger på færre end ${a.threshold} personer.`,
    testFisher: 'Fishers eksakte test',
    testRobust: 'z-test med robuste standardfejl',
    significant: (a: { p: string; alpha: string; test: string }) => `Forskellen er statistisk signifikant på ${a.alpha}-niveau (${a.test}: p = ${a.p}).`,
    notSignificant: (a: { p: string; alpha: string; test: string }) =>
      `Forskellen er ikke statistisk signifikant på ${a.alpha}-niveau (${a.test}: p = ${a.p}): data kan ikke udelukke, at indsatsen ingen effekt har haft på dette mål.`,
    reading: (a: { level: string; alpha: string }) =>
      `Sådan læses tallene: Mereffekten er forskellen mellem deltagernes og kontrolgruppens andel. Konfidensintervallet viser, hvor stor den sande mereffekt med rimelighed kan være: ` +
      `intervallet er beregnet, så det i ${a.level} af undersøgelser som denne indeholder den sande værdi. Et interval, der ikke omfatter 0, svarer til en signifikant forskel. ` +
      `p-værdien er sandsynligheden for at se en forskel mindst så stor som den observerede, hvis indsatsen i virkeligheden ingen effekt havde; er den under ${a.alpha}, kaldes forskellen statistisk signifikant.`,
    noEconomics: 'Notatet indeholder ingen økonomisk beregning; der er ikke angivet økonomiske forudsætninger for evalueringen.',
    caveat:
      'Kontrolgruppen er udvalgt i registrene, så den ligner deltagerne på de målte baggrundsforhold (afsnit 3). Forskelle, der ikke kan måles i registrene, f.eks. motivation, kan stadig påvirke resultatet. Mereffekten er derfor et velbegrundet skøn, ikke et bevis.',
    suppressed: (threshold: string) => `Af hensyn til diskretion vises antal under ${threshold} personer ikke (se bilaget).`,
  },

  data: {
    cohort: (a: { n1: string; n2: string; municipalities: string; ratio: string }) =>
      `Deltagerne er ${a.n1} borgere fra ${a.municipalities}, der har deltaget i indsatsen. Kontrolgruppen er ${a.n2} borgere fra de samme kommuner, udvalgt i registrene blandt borgere, der fik den almindelige indsats: omkring ${a.ratio} kontrolpersoner pr. deltager.`,
    weighted: (kish: string) => `Kontrolpersonerne er vægtede; den effektive størrelse af kontrolgruppen (Kish) er ${kish}.`,
    controlRuleIntro: 'Kontrolgruppens opfølgningsmåned er fastlagt således:',
    controlRule: {
      own_end_date: (n: string) => `${n} kontrolpersoner har en egen slutdato i datafilen`,
      reference_end_date: (n: string) => `${n} kontrolpersoner har en angivet reference-slutdato`,
      matched_participant: (n: string) => `${n} kontrolpersoner er matchet til en deltager og bruger dennes slutdato`,
      participants_mean_end_date: (n: string) => `${n} kontrolpersoner bruger deltagernes gennemsnitlige slutdato`,
    } as Record<string, (n: string) => string>,
    controlRuleOther: (a: { n: string; rule: string }) => `${a.n} kontrolpersoner: ${a.rule}`,
    followUp: (a: { months: string; first: string; last: string }) =>
      `Opfølgningsmåneden er kalendermåneden ${a.months} efter deltagerens slutdato (slutter forløbet f.eks. 15. marts, er opfølgningsmåneden maj). Deltagernes opfølgningsmåneder ligger fra ${a.first} til ${a.last}.`,
    classification:
      'Forsørgelsesstatus i opfølgningsmåneden bestemmes ud fra de ugentlige ydelseskoder (DREAM) og de månedlige lønnede timer (eIndkomst). En uge hører til den måned, dens torsdag ligger i; personens ydelseskategori i måneden er den, personen har i flest af månedens uger (ved lighed den seneste). Lønnede timer over 0 i måneden tæller som løn fra ordinær beskæftigelse. Kombinationen giver de otte kategorier i tabel 1.',
    codebook: (a: { name: string; codes: string }) => `Ydelseskoderne er oversat til kategorier med kodebogen »${a.name}« (${a.codes} koder).`,
    reconciliationIntro: 'Tabellen viser for hver inputfil, hvor mange rækker der er læst og brugt, og hvorfor resten er udeladt. Læste rækker = brugte rækker + udeladte rækker.',
    persons: (a: { p: string; c: string; p2: string; c2: string }) =>
      `Kohorten består af ${a.p} deltagere og ${a.c} kontrolpersoner; heraf har ${a.p2} deltagere og ${a.c2} kontrolpersoner en opgjort forsørgelsesstatus.`,
    personsExcluded: 'Personer uden opgjort status, efter årsag:',
    personReason: {
      no_follow_up_month: 'ingen opfølgningsmåned (mangler slutdato eller reference)',
      no_register_coverage: 'opfølgningsmåneden er ikke dækket af ydelsesregistret',
      zero_weight: 'kontrolperson med vægt 0 (udeladt af matchningen)',
    } as Record<string, string>,
    warningsIntro: 'Bemærkninger fra indlæsningen:',
    noExclusions: 'ingen',
  },

  tab: {
    reconciliation: 'Tabel A. Afstemning af inputfilerne',
    reconciliationHead: ['Fil', 'Rolle', 'Rækker læst', 'Rækker brugt', 'Udeladt', 'Årsag'],
    role: {
      participants: 'deltagere',
      controls: 'kontrolgruppe',
      benefits: 'ydelser (uger)',
      wages: 'løn (måneder)',
      questionnaire: 'spørgeskema',
      bip_items: 'BIP-konfiguration',
      economics_parameters: 'økonomiske parametre',
    } as Record<string, string>,
    balance: 'Tabel B. Baggrundsforhold: deltagere og kontrolgruppe',
    balanceHead: ['Forhold', 'Niveau', 'Deltagere', 'Kontrolgruppe', 'SMD'],
    balanceNote:
      'Andele i pct. for kategoriske forhold, gennemsnit for talværdier. SMD er den standardiserede gennemsnitsforskel (forskellen i gennemsnit divideret med den samlede standardafvigelse); under 0,1 i absolut værdi regnes grupperne for at ligne hinanden. Forhold med |SMD| ≥ 0,1 er markeret med *.',
    status: (months: string) => `Tabel 1. Forsørgelsesstatus ${months} efter forløbet (deltagere) og efter reference-slutdatoen (kontrolgruppe)`,
    statusHead: ['Forsørgelsesstatus', 'Deltagere, antal', 'Deltagere, pct.', 'Kontrolgruppe, antal', 'Kontrolgruppe, pct.'],
    effects: 'Tabel 2. Effektmål: andele, mereffekt og test',
    effectsHead: (level: string) => ['Effektmål', 'Deltagere, pct. (antal)', 'Kontrolgruppe, pct. (antal)', 'Mereffekt, procentpoint', `${level}-konfidensinterval`, 'p (Fisher)', 'p (z-test)'],
    effectsNoteWeighted: (level: string) =>
      `Mereffekt = deltagernes andel minus kontrolgruppens vægtede andel. Intervallet (${level}) og z-testen bygger på robuste (sandwich) standardfejl for vægtede andele. p (Fisher) er beregnet på kontrolgruppens effektive størrelse (Kish) og er derfor en tilnærmelse.`,
    effectsNote: (level: string) =>
      `Mereffekt = deltagernes andel minus kontrolgruppens. Intervallet er Newcombes hybride score-interval (${level}). p (Fisher) er Fishers eksakte test, tosidet; p (z-test) er den sædvanlige test for to andele uden kontinuitetskorrektion.`,
    subgroups: 'Tabel 3. Effektmål i undergrupper',
    subgroupsHead: ['Undergruppe', 'Effektmål', 'Deltagere, pct. (antal/n)', 'Kontrolgruppe, pct. (antal/n)', 'Mereffekt, procentpoint (KI)'],
    subgroupsNote:
      'Undergrupperne er beskrivende: de er små, og forskelle mellem dem kan let skyldes tilfældigheder. Mereffekten i en undergruppe vises ikke, når et af de tal, den bygger på, er diskretioneret.',
    continuous: 'Tabel 4. Lønnede timer og lønindkomst i opfølgningsmåneden blandt de beskæftigede',
    continuousHead: (level: string) => ['Mål', 'Antal beskæftigede (deltagere / kontrol)', 'Gns. deltagere (median)', 'Gns. kontrolgruppe (median)', `Forskel i gns. (${level}-KI)`, 'p (Welch / Wilcoxon)'],
    continuousNote:
      'Beskæftigede = personer med lønnede timer over 0 i opfølgningsmåneden. Welchs t-test sammenligner gennemsnit; Wilcoxons rangsumtest fordelinger. Gennemsnit over færre end tærsklen for diskretion vises ikke.',
    alternatives: 'Tabel C. Mereffektens konfidensinterval efter metode',
    alternativesHead: (level: string) => ['Effektmål', `Newcombe (${level})`, 'Miettinen–Nurminen', 'Agresti–Caffo', 'Wald'],
    tests: 'Tabel D. Test og relative mål',
    testsHead: ['Effektmål', 'Fisher', 'Fisher mid-p', 'Fisher, Holm-korrigeret', 'z-test', 'z-test (Yates)', 'Boschloo', 'Relativ risiko (KI)', 'Oddsratio (KI)'],
    provenance: 'Tabel E. Inputfiler og kontrolsummer (SHA-256)',
    provenanceHead: ['Rolle', 'Fil', 'Bytes', 'SHA-256'],
    legendSuppressed: (threshold: string) => `<${threshold}: færre end ${threshold} personer (mindst 1). ..: skjult, så et tal under ${threshold} ikke kan regnes ud fra totalerne. –: ikke opgjort.`,
    total: 'I alt',
    paidHours: 'Lønnede timer',
    wageIncome: 'Lønindkomst, kr.',
  },

  covariate: {
    age: 'Alder',
    civil_status: 'Civilstand',
    years_in_denmark: 'År i Danmark',
    employed_last_2y: 'Beskæftiget inden for de seneste 2 år',
    education: 'Højeste uddannelse',
    benefit_before_start: 'Ydelse 4 uger før start',
    hospital_somatic: 'Kontakt med somatisk hospital',
    hospital_psychiatric: 'Kontakt med psykiatrisk hospital',
    municipality: 'Kommune',
    cohort: 'Kohorte',
  } as Record<string, string>,
  level: {
    yes: 'ja',
    no: 'nej',
    single: 'enlig',
    married: 'gift',
    cohabiting: 'samlevende',
    primary_or_less: 'højst grundskole',
    upper_secondary: 'gymnasial',
    vocational: 'erhvervsfaglig',
    higher: 'videregående',
    passive_cash_benefit: 'passiv kontanthjælp',
    active_cash_benefit: 'aktiv kontanthjælp',
    self_support_return: 'selvforsørgelses- og hjemrejseydelse',
    other: 'andet',
    '1': 'ja',
    '0': 'nej',
  } as Record<string, string>,
  share: 'andel',
  mean: 'gennemsnit',

  res: {
    statusIntro: (months: string) =>
      `Tabel 1 viser, hvad deltagerne og kontrolgruppen levede af ${months} efter forløbet, i de samme kategorier som katalogets tabel 1.`,
    effectsIntro: 'Tabel 2 viser de aftalte effektmål. Et effektmål er en sum af statuskategorier; kategorierne står under tabellen.',
    outcomeCategories: (a: { label: string; categories: string }) => `${a.label}: ${a.categories}.`,
    continuousNone: 'For få beskæftigede i en af grupperne til at sammenligne lønnede timer og lønindkomst.',
    continuousSummary: (a: { hours: string; income: string; verdict: string }) =>
      `Blandt de beskæftigede ${a.verdict} i det gennemsnitlige antal lønnede timer (p = ${a.hours}) og i den gennemsnitlige lønindkomst (p = ${a.income}), Welchs t-test.`,
    noSignificantDifference: 'er der ingen signifikant forskel mellem deltagere og kontrolgruppe',
    someSignificantDifference: 'er der en signifikant forskel mellem deltagere og kontrolgruppe',
    subgroupsNone: 'Der er ikke angivet undergrupper i specifikationen.',
  },

  lim: {
    intro: 'Resultaterne skal læses med disse forbehold:',
    design:
      'Undersøgelsen er ikke et lodtrækningsforsøg. Kontrolgruppen ligner deltagerne på de målte forhold, men deltagerne kan adskille sig på forhold, registrene ikke måler (motivation, helbred, netværk), og det kan trække mereffekten både op og ned.',
    size: (n1: string) =>
      `Med ${n1} deltagere er usikkerheden stor: konfidensintervallerne er brede, og kun ret store effekter kan påvises. En ikke-signifikant forskel betyder ikke, at effekten er nul.`,
    snapshot: (months: string) =>
      `Udfaldet er målt i én kalendermåned (${months} efter forløbet). Det siger ikke, om beskæftigelsen varer ved.`,
    multiple: 'Der er testet flere effektmål på samme data. Bilaget viser også Holm-korrigerede p-værdier, der tager højde for det.',
    controlTiming:
      'Kontrolpersoner uden egen eller matchet slutdato måles i måneden efter deltagernes gennemsnitlige slutdato; konjunkturændringer mellem måletidspunkterne kan påvirke sammenligningen.',
    suppression: (threshold: string) =>
      `Antal under ${threshold} personer er skjult, og enkelte større tal er skjult for at beskytte dem. Mereffekt, intervaller og test for hele grupperne vises dog altid; de kan i sjældne tilfælde gøre det muligt at regne en skjult andel ud for et samlet effektmål.`,
    economics:
      'De økonomiske beregninger bygger på forudsætninger om, hvor længe effekten varer, og hvad en ekstra beskæftiget sparer. Følsomhedsberegningerne viser, hvor meget resultatet afhænger af dem.',
    progression:
      'Progressionsmålingen omfatter kun deltagere, der har besvaret både start- og slutskema, og har ingen kontrolgruppe; den viser udvikling, ikke effekt.',
  },

  app: {
    methodsIntervals: (level: string) =>
      `Andele vises med Wilsons score-interval. Mereffektens ${level}-konfidensinterval er Newcombes hybride score-interval (Newcombe 1998, metode 10). Det er valgt, fordi det holder sit konfidensniveau også ved små grupper og andele nær 0, hvor det almindelige Wald-interval er for smalt og kan gå uden for [−1; 1]. Miettinen–Nurminen, Agresti–Caffo og Wald står til sammenligning i tabel C.`,
    methodsWeighted: (level: string) =>
      `Kontrolpersonerne bærer vægte (f.eks. matchning med tilbagelægning). Kontrolgruppens andel er derfor vægtet og vises med Wilsons interval ved den effektive størrelse (Kish). Mereffektens ${level}-konfidensinterval er da et Wald-interval med robust (HC0-sandwich) standardfejl for den vægtede forskel (White 1980), og z-testen bruger samme standardfejl. Fishers test, relativ risiko og oddsratio er beregnet på kontrolgruppens effektive antal (Kish), hvilket er en tilnærmelse; Boschloos test og de alternative intervaller udelades.`,
    methodsTests:
      'Den primære test er Fishers eksakte test, tosidet efter R’s regel (alle tabeller, der ikke er mere sandsynlige end den observerede, med relativ tolerance 1e-7). Den er valgt, fordi den er eksakt ved små tal og ikke bygger på en normalfordelingstilnærmelse. z-testen for to andele (uden kontinuitetskorrektion, som R’s prop.test(correct = FALSE)) vises, fordi den er den kendte standard; med Yates’ korrektion, mid-p og Boschloos eksakte ubetingede test står i tabel D. Holm-korrektionen tager højde for, at der testes flere effektmål.',
    methodsRatios: 'Relativ risiko vises med log-interval (Katz), oddsratio med Woolfs logit-interval.',
    methodsBalance: 'Balancen mellem grupperne måles med standardiserede gennemsnitsforskelle (Austin 2009).',
    suppressionRule: (threshold: string) =>
      `Antal på 1 til ${Number(threshold) - 1} personer vises som »<${threshold}«, og andele, gennemsnit og mål, der bygger på dem, vises ikke; et sandt 0 vises (det udpeger ingen). ` +
      'For at et skjult tal ikke kan regnes ud fra totaler, summer af kategorier (et effektmål er en sum af statuskategorier) eller undergrupper, skjules yderligere tal (vist som »..«): det mindste tal, der sammen med det skjulte gør det umuligt at bestemme. ' +
      'Hver skjult værdi er kontrolleret: ud fra alt, hvad notatet viser, har den mindst to mulige værdier. Mereffekt, konfidensinterval og test for hele grupperne skjules ikke.',
    suppressionCount: (a: { primary: string; complementary: string }) => `I dette notat er ${a.primary} tal under tærsklen skjult og ${a.complementary} tal skjult for at beskytte dem.`,
    suppressionNone: 'Ingen tal i dette notat ligger under tærsklen.',
    suppressionOff: 'Tærsklen er sat til 0: ingen tal er skjult.',
    suppressionUnprotected: (n: string) => `Advarsel: ${n} skjulte tal kunne ikke beskyttes fuldt ud af totalerne (se effect.json, suppression.unprotected).`,
    provenance: (a: { tool: string; version: string }) =>
      `Notatet er dannet med ${a.tool} ${a.version}. Kontrolsummerne (SHA-256) identificerer præcis de filer, der er brugt; samme filer og samme version giver et identisk notat.`,
    specRole: 'specifikation',
    codebookRole: 'kodebog',
  },

  eco: {
    summaryPays: (a: { surplus: string; saving: string; cost: string; cohort: string; n: string; socio: string; year: string }) =>
      `Regnet for kommunernes budget giver indsatsen et overskud på ${a.surplus} pr. deltager (nutidsværdi i ${a.year}-priser): kommunens besparelse på ${a.saving} minus udgiften til leverandørens indsats på ${a.cost}. For alle ${a.n} deltagere er det ${a.cohort}. For samfundet som helhed er overskuddet ${a.socio} pr. deltager.`,
    summaryLoses: (a: { surplus: string; saving: string; cost: string; cohort: string; n: string; socio: string; year: string }) =>
      `Regnet for kommunernes budget giver indsatsen et underskud på ${a.surplus} pr. deltager (nutidsværdi i ${a.year}-priser): kommunens besparelse på ${a.saving} dækker ikke udgiften til leverandørens indsats på ${a.cost}. For alle ${a.n} deltagere er det ${a.cohort}. For samfundet som helhed er resultatet ${a.socio} pr. deltager.`,
    summaryPayment: (a: { share: string; price: string; rate: string; perParticipant: string; ret: string; municipal: string }) =>
      `Betalingsmodel: deles overskuddet med ${a.share} til investor, betaler kommunen ${a.price} for hver deltager, der er i beskæftigelse ved opfølgningen. Med ${a.rate} i beskæftigelse svarer det til ${a.perParticipant} pr. deltager. Investor får et afkast på ${a.ret}, og kommunen beholder ${a.municipal} pr. deltager.`,
    summaryBreakEven: (a: { be: string; net: string; years: string }) =>
      `Mereffekten kan falde til ${a.be} (målt: ${a.net}), før indsatsen ikke længere giver overskud på kommunens budget. Kommunens regnskab med betalingen går i nul efter ca. ${a.years} år.`,
    summaryBreakEvenNoYears: (a: { be: string; net: string }) => `Mereffekten kan falde til ${a.be} (målt: ${a.net}), før indsatsen ikke længere giver overskud på kommunens budget.`,
    summaryRisk: (a: { p: string }) => `Tager man usikkerheden på mereffekten med, er der omkring ${a.p} risiko for, at indsatsen giver underskud på kommunens budget.`,
    intro: (a: { year: string; horizon: string; net: string; constant: string; decay: string; saving: string; schedule: string }) =>
      `Beregningerne følger katalogets model og Finansministeriets vejledning. Beløb er pr. deltager, i ${a.year}-priser og som nutidsværdi over ${a.horizon} år (${a.schedule}). Mereffekten på ${a.net} antages at holde i ${a.constant} år og derefter falde ${a.decay} om året; kommunen sparer ${a.saving} af sin almindelige beskæftigelsesindsats, fordi leverandøren overtager opgaver.`,
    schedule: {
      fm2017: 'diskonteringsrente 4 % år 0–35, 3 % år 36–70, 2 % derefter (FM 2017)',
      fm2021: 'diskonteringsrente 3,5 % år 0–35, 2,5 % år 36–70, 1,5 % derefter (FM 2021)',
      custom: 'egen diskonteringsrente',
    } as Record<string, string>,
    budgetTable: 'Tabel 5. Budgetøkonomisk regnskab pr. deltager (nutidsværdi)',
    socioTable: 'Tabel 6. Samfundsøkonomisk regnskab pr. deltager (nutidsværdi)',
    paymentTable: 'Tabel 7. Betalingsmodel',
    subgroupTable: (rule: string) => `Tabel 8. Differentieret betaling efter undergruppe (regel: ${rule})`,
    breakEvenTable: 'Tabel 9. Nulpunkter: hvor langt kan forudsætningerne flytte sig?',
    scenarioTable: 'Tabel 10. Scenarier',
    comparisonTable: 'Tabel 11. Sammenligning med katalogets tal',
    amountHead: ['Post', 'Kr. pr. deltager'],
    valueHead: ['Størrelse', 'Værdi'],
    subgroupHead: ['Undergruppe', 'Andel af deltagerne', 'I beskæftigelse', 'Mereffekt', 'Pris pr. beskæftiget', 'Forventet betaling pr. deltager'],
    breakEvenHead: ['Forudsætning', 'Grundberegning', 'Nulpunkt', 'Hvad går i nul'],
    scenarioHead: ['Scenarie', 'Overskud, budget', 'Kommunens netto', 'Investors afkast', 'Nulpunkt (år)'],
    comparisonHead: ['Tal', 'Kataloget', 'Modellen', 'Forskel', 'Forklaring'],
    row: {
      saved_transfer_income: 'Sparet overførselsindkomst',
      extra_municipal_income_tax: 'Øget kommunal indkomstskat',
      ordinary_effort_saving: 'Nettobesparelse på den almindelige beskæftigelsesindsats',
      municipal_referral_cost: 'Kommunens udgift til visitation',
      municipal_follow_up_cost: 'Kommunens udgift til opfølgning og sparring',
      municipal_saving_per_participant: 'Kommunens besparelse',
      provider_cost_per_participant: 'Udgift til leverandørens indsats',
      surplus_per_participant: 'Overskud pr. deltager',
      surplus_for_cohort: 'Overskud for alle deltagere',
      production_value: 'Værdi af øget produktion',
      ordinary_effort_resources_saved: 'Sparede ressourcer i den almindelige indsats',
      provider_resources: 'Leverandørens ressourceforbrug',
      municipal_resources: 'Kommunens ressourceforbrug',
      resource_net_at_market_prices: 'Ressourcegevinst i markedspriser (nettoafgiftsfaktor)',
      tax_distortion_gain: 'Skatteforvridning',
      socio_surplus: 'Samfundsøkonomisk overskud pr. deltager',
      investor_share_of_surplus: 'Investors andel af overskuddet',
      investor_share_amount: 'Investors andel, kr. pr. deltager',
      payment_per_participant: 'Betaling pr. deltager (nutidsværdi)',
      gross_employment_rate: 'Andel deltagere i beskæftigelse ved opfølgning',
      payment_per_gross_employed: 'Betaling pr. deltager i beskæftigelse',
      municipal_net_per_participant: 'Kommunens netto pr. deltager efter betaling',
      investor_net_per_participant: 'Investors netto pr. deltager',
      investor_return: 'Investors afkast (simpelt)',
      investor_irr: 'Investors interne rente',
    } as Record<string, string>,
    breakEven: {
      gross_employment_rate: 'Andel i beskæftigelse (investors nulpunkt)',
      net_effect: 'Mereffekt',
      annual_decay: 'Årligt fald i effekten efter de første år',
      effort_saving_share: 'Kommunens besparelse på den almindelige indsats',
      years_to_municipal_break_even: 'År til kommunens regnskab går i nul',
      years_to_budget_break_even: 'År til budgettet går i nul',
      'socio_economic_surplus_per_participant': 'Samfundsøkonomisk overskud pr. deltager',
      'investor_break_even_gross_rate': 'Investors nulpunkt: andel i beskæftigelse',
      'break_even_annual_decay': 'Nulpunkt: årligt fald i effekten',
      'break_even_effort_saving_share': 'Nulpunkt: kommunens besparelse på den almindelige indsats',
      'break_even_net_effect': 'Nulpunkt: mereffekt',
      'payment_per_gross_employed_by_subgroup.employed_last_2y': 'Pris pr. beskæftiget, beskæftiget inden for 2 år',
      'payment_per_gross_employed_by_subgroup.not_employed_last_2y': 'Pris pr. beskæftiget, ikke beskæftiget inden for 2 år',
    } as Record<string, string>,
    target: {
      budget_surplus: 'budgettets overskud',
      municipal_net: 'kommunens netto efter betaling',
      investor_net: 'investors netto',
      socio_economic_surplus: 'samfundets overskud',
      cumulative: 'kommunens samlede regnskab',
    } as Record<string, string>,
    rule: {
      uniform: 'samme pris for alle',
      equal_payment_per_participant: 'samme forventede betaling pr. deltager',
      additionality_weighted: 'vægtet med mereffekten',
      catalogue_linear: 'katalogets lineære regel',
    } as Record<string, string>,
    scenario: {
      base: 'Grundberegning',
      ci_lower: 'Mereffekt ved konfidensintervallets nedre grænse',
      ci_upper: 'Mereffekt ved konfidensintervallets øvre grænse',
      decay_28: 'Effekten falder 28 % om året efter to år',
      effort_saving_22: 'Kommunen sparer 22 % af den almindelige indsats',
      no_decay: 'Effekten falder ikke',
      horizon_10: 'Tidshorisont på 10 år',
      fm2021_discounting: 'Diskontering efter 2021-vejledningen (3,5 %)',
      fm2023_no_tax_distortion: '2023-vejledningen: ingen skatteforvridning',
    } as Record<string, string>,
    param: {
      'effect.net_effect': 'Mereffekt',
      'effect.gross_rate': 'Andel i beskæftigelse',
      'costs.provider_cost_per_participant': 'Leverandørens udgift',
      'costs.municipal_referral_cost_per_participant': 'Visitation',
      'costs.municipal_follow_up_cost_per_participant': 'Opfølgning',
      'ordinary_effort.cost_per_participant': 'Almindelig indsats, udgift',
      'ordinary_effort.saving_share': 'Besparelse på almindelig indsats',
      'yearly_gain_per_additional_employed.saved_transfer_income': 'Sparet overførsel pr. år',
      'yearly_gain_per_additional_employed.extra_municipal_income_tax': 'Kommunal skat pr. år',
      'effect_path.constant_years': 'År med fuld effekt',
      'effect_path.annual_decay': 'Årligt fald i effekten',
      horizon_years: 'Tidshorisont',
      'discounting.custom_rate': 'Diskonteringsrente',
      'socio_economic.production_value_per_employed_year': 'Produktionsværdi pr. år',
      'socio_economic.net_tax_factor': 'Nettoafgiftsfaktor',
      'payment.investor_share_of_surplus': 'Investors andel af overskuddet',
    } as Record<string, string>,
    explanation: {
      rounding: 'afrunding',
      definition_surplus_zero: 'nulpunkt for det delte overskud',
      year_convention: 'år regnet med interpolation, år 0 = deltagelsesåret',
      simple_return_rounded: 'katalogets 20 % er 19,1 % rundet op',
      subgroup_rule_catalogue_linear: 'katalogets lineære regel',
    } as Record<string, string>,
    uncertainty: (a: { draws: string; p025: string; p975: string; pDeficit: string; pInvestor: string }) =>
      `Usikkerheden på mereffekten er ført igennem modellen med ${a.draws} simulationer: budgetoverskuddet pr. deltager ligger med 95 % sandsynlighed mellem ${a.p025} og ${a.p975}. Sandsynligheden for underskud på budgettet er ${a.pDeficit}, for at investor taber penge ${a.pInvestor}.`,
    noSubgroups: 'Der er ingen undergrupper at differentiere betalingen efter.',
    subgroupHidden: 'Undergrupper med tal under diskretionstærsklen vises ikke.',
    cashFlowTitle: 'Kumuleret nutidsværdi pr. deltager',
    cashFlowX: 'År efter deltagelse',
    cashFlowY: 'Kr. pr. deltager (nutidsværdi)',
    cashFlowBudget: 'Budgettet (før betaling)',
    cashFlowMunicipal: 'Kommunen (efter betaling)',
    cashFlowCaption: 'Kumuleret nutidsværdi pr. deltager år for år. Hvor kurven krydser 0, er investeringen tjent hjem.',
    tornadoTitle: 'Følsomhed: overskud pr. deltager',
    tornadoX: 'Budgetoverskud pr. deltager (kr.)',
    scenarioOverride: (a: { param: string; value: string }) => `${a.param} = ${a.value}`,
    tornadoLow: 'Lav værdi',
    tornadoHigh: 'Høj værdi',
    tornadoCaption: 'Budgetoverskuddet, når én forudsætning ad gangen sættes til sin lave og høje værdi. Den lodrette linje er grundberegningen.',
    histogramTitle: 'Fordeling af budgetoverskuddet',
    histogramX: 'Budgetoverskud pr. deltager (kr.)',
    histogramY: 'Antal simulationer',
    histogramCaption: 'Budgetoverskuddet i simulationerne af mereffekten. Til venstre for 0 giver indsatsen underskud.',
    years: (y: string) => `${y} år`,
    notReached: 'nås ikke',
  },
  prog: {
    summary: (a: { n: string; start: string; end: string; population: string }) =>
      `Progression: ${a.n} deltagere besvarede både start- og slutskema. Deres trivsel (WHO-5, 0–100) gik i gennemsnit fra ${a.start} til ${a.end}; befolkningens gennemsnit er ${a.population}.`,
    summaryBip: (shares: string) => `På de jobrelevante BIP-indikatorer fik ${shares} af deltagerne en positiv udvikling.`,
    summaryNotPaid: 'Progressionen indgår ikke i betalingsmodellen.',
    intro: (a: { n: string; participants: string; start: string; end: string; none: string }) =>
      `Deltagerne besvarede et spørgeskema ved start og ved afslutning: WHO-5-trivselsindekset og udvalgte spørgsmål fra Beskæftigelsesindikatorprojektet (BIP). ${a.n} af ${a.participants} deltagere besvarede begge; ${a.start} kun startskemaet, ${a.end} kun slutskemaet og ${a.none} intet skema.`,
    reasons: 'Årsager til manglende besvarelse:',
    who5Table: 'Tabel 12. Trivsel (WHO-5) ved start og afslutning',
    who5Head: ['Gruppe', 'Antal', 'Start, gns.', 'Slut, gns.', 'Ændring', 'p (parret t-test)', 'p (Wilcoxon)'],
    who5Note: 'WHO-5 er summen af fem spørgsmål (0–5) gange fire, 0–100. Under 36: stor risiko for depression eller stressbelastning; 36–50: risiko; over 50: ikke umiddelbart i risiko. Testene er parrede (samme person ved start og slut).',
    bandTable: 'Tabel 13. Trivsel (WHO-5) i risikogrupper, antal deltagere',
    bandHead: ['Gruppe', 'Start', 'Slut'],
    bipTable: 'Tabel 14. Arbejdsmarkedsparathed (BIP): andel med positiv, uændret og negativ udvikling',
    bipHead: ['Indikator', 'Antal', 'Positiv', 'Uændret', 'Negativ', 'p (parret t-test)'],
    bipNote: '* Indikator, som forskningen har vist hænger sammen med lediges jobchancer. Andele i pct.',
    all: 'Alle',
    who5Title: 'Trivsel (WHO-5) ved start og afslutning',
    who5X: 'WHO-5-score (0–100)',
    who5Start: 'Start',
    who5End: 'Afslutning',
    who5Caption: 'Gennemsnitlig WHO-5-score ved start og afslutning. Stiplede linjer: grænserne 35 og 50; prikket linje: befolkningens gennemsnit.',
    bipTitle: 'Udvikling på BIP-indikatorerne',
    bipX: 'Andel af deltagerne (pct.)',
    positive: 'Positiv',
    unchanged: 'Uændret',
    negative: 'Negativ',
    bipCaption: 'Andel af deltagerne med positiv, uændret og negativ udvikling pr. BIP-indikator.',
  },
  econNote: {
    title: (name: string) => `Økonomisk model: ${name}`,
    subtitle: (a: { effect: string; source: string }) => `Mereffekt ${a.effect} · kilde: ${a.source}`,
    intro:
      'Dette notat viser den økonomiske model og betalingsmodellen alene, ud fra en antaget eller målt mereffekt. Det indeholder ingen registerdata om personer.',
  },
  targets: {
    title: 'Resultatmål',
    intro: 'Kontrakten fastlægger på forhånd, hvad indsatsen skal opnå. Tabellen viser hvert aftalt resultatmål for hele kohorten, det målte resultat og om målet er nået.',
    table: 'Tabel M. Aftalte resultatmål',
    head: ['Resultatmål', 'Målt', 'Krav', 'Opfyldt'],
    met: 'ja',
    notMet: 'nej',
    hiddenNote: '..: værdien vises ikke, fordi den kunne afsløre et antal under tærsklen for diskretion; om målet er nået, vises stadig.',
    summaryAll: (total: string) => `Alle ${total} aftalte resultatmål er nået.`,
    summarySome: (a: { met: string; total: string; failed: string }) => `${a.met} af ${a.total} aftalte resultatmål er nået. Ikke nået: ${a.failed}.`,
  },
  chart: {
    statusTitle: 'Forsørgelsesstatus ved opfølgning',
    statusX: 'Andel af gruppen (pct.)',
    statusNoteSuppressed: 'Skjulte tal (diskretion) er udeladt.',
    effectsTitle: 'Mereffekt med konfidensinterval',
    effectsX: (level: string) => `Mereffekt, procentpoint (${level}-konfidensinterval)`,
    subgroupsTitle: 'Mereffekt i undergrupper',
    subgroupsX: 'Mereffekt, procentpoint',
    figure: (n: string) => `Figur ${n}.`,
    statusCaption: 'Forsørgelsesstatus ved opfølgning, deltagere og kontrolgruppe (andel af gruppen).',
    effectsCaption: 'Mereffekt pr. effektmål med konfidensinterval. Den lodrette linje er 0 (ingen effekt).',
    subgroupsCaption: 'Mereffekt i undergrupper. Undergrupper med skjulte tal er udeladt.',
  },
};

export type Messages = typeof da;
