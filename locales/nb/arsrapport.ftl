# Meldingskatalog for arsrapport, norsk bokmål (standardspråket).
# Hver melding finnes også i ../en/arsrapport.ftl med samme id og samme variabler;
# build.rs nekter å bygge ellers. Se ../README.md.
# Skriv klarspråk for økonomer: si hva som er galt i deres tabell eller tekst, og hva de skal gjøre.

## Ord i utskriften (diag/human.rs, diag/github.rs)

word-error = feil
word-warning = advarsel
word-note = merknad
word-help = tips
word-bug = programfeil
human-likely-cause = trolig årsak, { $group }
human-group = gruppe { $n }
human-likely-wrong-label = trolig feil: { $suggested } ville stemt
human-cause-note = { $relations ->
    [one] funnet i { $group } følger; retter du dette tallet, forsvinner det
   *[other] de { $relations } funnene i { $group } følger; retter du dette tallet, forsvinner alle
}
human-acknowledged = godtatt: { $message }
human-in-table = tabell `{ $table }`
human-in-row = rad «{ $row }»
human-in-column = kolonne { $column }
human-in = i { $place }
human-formula = utregning: { $formula }
human-expected-found = ventet { $expected }, fant { $found }
human-expected-found-difference = ventet { $expected }, fant { $found } (differanse { $difference })
human-expected = ventet { $expected }
human-found = fant { $found }
human-note = merk: { $note }
human-hint = tips: { $hint }
human-acknowledged-reason = godtatt i rapporten: { $reason }
human-part-of-group = del av gruppe { $n }: se den trolige årsaken ovenfor
github-likely-cause = trolig årsak
github-acknowledged = godtatt: { $reason }

## Årsaken bak en gruppe funn (diag/mod.rs)

cause-all = { $n ->
    [1] funnet nedenfor
    [2] begge funnene nedenfor
   *[other] alle { $n } funnene nedenfor
}
cause-one = trolig feil tall: { $place } «{ $found }»; med { $suggested } stemmer { $all }
cause-many = { $count } tall forklarer { $all } like godt: { $cells }
cause-cell = «{ $found }» i raden «{ $row }» i `{ $table }` (→ { $suggested })
cause-or = , eller{" "}

## Oppsummeringen

count-files = { $n ->
    [one] 1 fil
   *[other] { $n } filer
}
count-tables = { $n ->
    [one] 1 tabell
   *[other] { $n } tabeller
}
count-cells = { $n ->
    [one] 1 celle
   *[other] { $n } celler
}
count-errors = { $n ->
    [one] 1 feil
   *[other] { $n } feil
}
count-warnings = { $n ->
    [one] 1 advarsel
   *[other] { $n } advarsler
}
count-notes = { $n ->
    [one] 1 merknad
   *[other] { $n } merknader
}
summary = kontrollerte { $files }, { $tables }, { $cells }: { $errors }, { $warnings }, { $notes }
summary-acknowledged = { $text } ({ $n } godtatt)

## Reglene (`arsrapport rules`)

rule-ar001 = en fil kan ikke leses
rule-ar002 = en YAML-fil er skrevet slik at den ikke kan leses (innrykk, kolon, anførselstegn)
rule-ar003 = en YAML-fil har en nøkkel eller verdi rapporten ikke kjenner
rule-ar004 = en CSV-fil kan ikke leses
rule-ar005 = en filsti går ut av rapportmappen eller finnes ikke
rule-ar006 = tegnene i en fil kan leses på bare én måte
rule-ar007 = nivåer og størrelser holder seg innenfor det rapporten kan romme
rule-ar101 = en utregnet kolonne stemmer med utregningen sin
rule-ar102 = en sumrad er lik summen av radene sine
rule-ar103 = et tall som er overført til en annen tabell, er likt der
rule-ar104 = et forhold (>= eller <=) mellom tabeller holder
rule-ar105 = andeler summerer seg til totalen sin
rule-ar106 = indikatorens avvik = resultat - måltall
rule-ar107 = regnestykket i en regel holder seg innenfor eksakte tall (ikke for store tall, ingen deling på null)
rule-ar201 = en KOSTRA-funksjonskode gjelder for rapportåret
rule-ar202 = en KOSTRA-funksjonskode er erstattet av en annen
rule-ar301 = en celle som skal ha et tall, kan leses som et tall
rule-ar302 = hver rad har like mange celler som overskriftsraden
rule-ar303 = reglene viser til rader, kolonner og tabeller som finnes
rule-ar304 = hvert bilde har en alternativ tekst
rule-ar305 = formatering i teksten er balansert, og lenker går til tillatte mål
rule-ar306 = navnene (id) på tabeller og kapitler er unike
rule-ar307 = hver godkjenning av et avvik svarer til et funn
rule-ar308 = en rad som en regel eller tekst viser til, er én rad, ikke flere
rule-ar309 = navnet på utdatafilen er et vanlig filnavn
rule-ar310 = hvert tegn finnes i de innebygde skriftene
rule-ar311 = tekst og celler har ingen kontrolltegn
rule-ar312 = en bildefil er det filendelsen sier, og kan åpnes
rule-ar313 = tomme kolonner og rader som Excel la igjen, tas bort
rule-ar314 = en kolonneoverskrift nevner året kolonnen gjelder
rule-ar315 = en sumrad som nevner et intervall i teksten, summerer nøyaktig det intervallet
rule-ar401 = en henvisning i teksten peker på en tabell, rad, kolonne eller nøkkeltall som finnes
rule-ar402 = et tall som hentes inn i teksten, kan regnes ut
rule-ar403 = teksten viser til et nøkkeltall i stedet for å gjenta tallet
rule-ar008 = en arbeidsbok-tabell (Excel) har et ark og et område som kan leses
rule-ar316 = et diagram viser rader og kolonner som finnes i tabellen sin, og hver celle det tegner har et tall
rule-ar317 = en celle i en arbeidsbok har en verdi: det lagrede resultatet av en formel, ikke en feil som #DIV/0!
rule-ar501 = et mål som et tiltak, en indikator eller et listepunkt tjener, er deklarert i report.yaml
rule-ar502 = målene, oversikten over dem og retningen på indikatorene er deklarert fullstendig og én gang
rule-ar503 = hver hovedprioritering og hvert byrådsmål har minst ett tiltak eller én indikator i rapporten
rule-ar701 = malene til rapporten kan kompileres og brukes (finnes av `build` og `watch`)
rule-ar702 = Typst har ingen advarsel om malene til rapporten (finnes av `build` og `watch`)
rule-ar601 = ingen celle venter fortsatt på tall (`?`, satt av roll-forward)
rule-ar602 = ingen tekst er ord for ord lik fjorårets, uten at den er merket som uendret
rule-ar603 = et tall om et tidligere år er det samme som i fjorårets publiserte rapport
rule-ar604 = en tabell eller rad med tall for tidligere år kan pares med fjorårets rapport
rule-ar605 = rapporten som `previous:` peker på, kan leses

## Kommandolinjen: --help (cli/help.rs)

help-about = Lager årsberetningen for en bydel eller kommune: kontrollerer alle tall og tabeller, og lager PDF og nettsider.
help-usage-heading = Bruk:
help-options-heading = Valg
help-arguments-heading = Argumenter
help-commands-heading = Kommandoer
help-flag-help = Vis denne hjelpen
help-flag-version = Vis versjonen
help-command-help = Vis hjelpen for en kommando, f.eks. «arsrapport help new»
help-arg-lang = Språket i meldinger og hjelp: nb (norsk bokmål, standard) eller en (engelsk). Kan også settes med ARSRAPPORT_LANG=en
help-check = Kontroller alle tabeller og alle sammenhenger mellom dem; vis hvert problem og hva du kan gjøre
help-build = Kontroller, og lag så rapporten som PDF og som nettsider (HTML)
help-rules = Vis alle kontrollene med kode og navn
help-new = Start en ny rapport: lager en komplett rapport å begynne med (et oppdiktet eksempel med din bydel og ditt år) i en ny mappe
help-completions = Skriv et skript som fullfører kommandoer med Tab-tasten (bash, zsh, fish, powershell, elvish)
help-arg-dirs = Rapportmappene (hver har en report.yaml). Uten mappe: --workspace, ellers $ARSRAPPORT_DIR, ellers mappene som arsrapport.yaml i denne mappen lister, ellers report-data
help-arg-workspace = En fil som lister flere rapportmapper (reports: [bjerke, grorud])
help-arg-only = Vis bare disse kontrollene (koder som AR102 eller navn som sum-row, skilt med komma)
help-arg-skip = Hopp over disse kontrollene (koder eller navn, skilt med komma)
help-arg-deny-warnings = La også advarsler stoppe kontrollen
help-arg-quiet = Ikke vis merknader (f.eks. om avrunding); de stopper aldri noe
help-arg-color = Farger i utskriften: auto (når du skriver i et terminalvindu), always (alltid) eller never (aldri) (standard: auto; også ARSRAPPORT_COLOR)
help-arg-format = Hvordan funnene skrives: human (for mennesker), json (for andre programmer) eller github (merknader i GitHub Actions) (standard: human)
help-arg-out = Mappen PDF-en og nettsidene skrives til (standard: out; også ARSRAPPORT_OUT)
help-arg-only-output = Hva som lages: all (PDF og nettsider), pdf (bare PDF) eller html (bare nettsider) (standard: all)
help-arg-draft = Lag rapporten selv om kontrollen finner feil: et utkast, med «UTKAST» på hver side
help-arg-verify-pdf = Kontroller PDF-en mot PDF/A-2a og PDF/UA-1 (universell utforming) før den publiseres, og publiser ingenting hvis den ikke består (tar omtrent en tredjedel lenger tid) (også ARSRAPPORT_VERIFY_PDF=true)
help-arg-new-dir = Mappen som skal lages; den må ikke finnes fra før, eller være tom
help-arg-district = Bydelen (eller enheten) rapporten gjelder, f.eks. "Bydel Grorud"
help-arg-year = Året rapporten handler om (dokumentet dateres 1. mars året etter)
help-arg-organisation = Kommunen eller organisasjonen bydelen hører til (standard: Oslo kommune)
help-arg-region = KOSTRA-regionkoden, seks sifre (f.eks. 030109 for Bydel Bjerke); kan utelates
help-arg-shell = Skallet skriptet skal lages for: bash, zsh, fish, powershell eller elvish
help-examples-main =
    Eksempler:
      arsrapport new min-bydel --district "Bydel Grorud" --year 2025
      arsrapport check min-bydel            kontrollerer rapporten i mappen min-bydel
      arsrapport build min-bydel            lager PDF og nettsider i mappen out/
      arsrapport help new                   mer om en kommando
      arsrapport --lang en check            meldinger på engelsk

    Brukerveiledning: docs/brukerveiledning.md
help-examples-check =
    Eksempler:
      arsrapport check                      kontrollerer report-data/ (eller $ARSRAPPORT_DIR)
      arsrapport check min-bydel            kontrollerer rapporten i mappen min-bydel
      arsrapport check . --only sum-row,AR103
      arsrapport check --format json > funn.json
help-examples-build =
    Eksempler:
      arsrapport build min-bydel            PDF og nettsider i mappen out/
      arsrapport build min-bydel -o publisert --only-output pdf
      arsrapport build min-bydel --draft    lager rapporten selv med feil, med UTKAST på hver side
      arsrapport build --verify-pdf         kontrollerer også PDF-en mot PDF/A-2a og PDF/UA-1
help-examples-rules =
    Eksempler:
      arsrapport rules                      alle kontrollene: kode, navn, hva de kontrollerer
      arsrapport rules | grep KOSTRA        KOSTRA-kontrollene
help-examples-new =
    Eksempler:
      arsrapport new min-bydel --district "Bydel Grorud" --year 2025
      arsrapport new arsberetning-2025 --district "Bydel Bjerke" --year 2025 --region 030109
      arsrapport new rapport --district "Bydel Sentrum" --year 2025 --organisation "Bergen kommune"

    Mappen må ikke finnes fra før (eller være tom). Etterpå: «arsrapport check MAPPE» og
    «arsrapport build MAPPE».
help-examples-completions =
    Eksempler:
      arsrapport completions bash > ~/.local/share/bash-completion/completions/arsrapport
      arsrapport completions zsh > ~/.zfunc/_arsrapport      (med fpath+=~/.zfunc i ~/.zshrc)
      arsrapport completions fish > ~/.config/fish/completions/arsrapport.fish
      arsrapport completions powershell >> $PROFILE

## Kommandolinjen: meldinger (cli.rs)

cli-unknown-lang = «{ $lang }» er ikke et språk arsrapport kan: skriv nb (norsk bokmål) eller en (engelsk)
cli-error = feil: { $message }
cli-unknown-rule = { $flag }: kjenner ikke kontrollen «{ $rule }»; «arsrapport rules» viser alle
cli-unknown-rule-suggest = { $flag }: kjenner ikke kontrollen «{ $rule }» (mente du «{ $best }»?); «arsrapport rules» viser alle
cli-write-findings = feil: kunne ikke skrive funnene: { $error }
cli-new-wrote = { "       " }Skrev en rapport å begynne med for { $district } { $year } i { $dir } ({ $count } filer)
cli-new-next =
    Teksten og tallene er et oppdiktet eksempel: bytt dem ut med deres egne.
    Neste steg:
      arsrapport check { $dir }
      arsrapport build { $dir }

## YAML-filene (load/yaml.rs, load/yaml_syntax.rs)

yaml-expected-what-found = her skal det stå { $what }, men det står { $found }
yaml-expected-what = her skal det stå { $what }
yaml-duplicate-key-k-this-map = nøkkelen `{ $k }` står to ganger på samme nivå
yaml-second-time = andre gang
yaml-a-key-may-appear-once = en nøkkel kan bare stå én gang på samme nivå: slett den ene, eller slå sammen det de sier
yaml-a-key-must-be-a = en nøkkel må være en tekst, denne er { $kind }
yaml-not-a-text = ikke en tekst
yaml-write-the-key-as-plain = skriv nøkkelen som vanlig tekst etterfulgt av «: »
yaml-yaml-tags-such-as-are = YAML-merker som `{ $tag }{ $suffix }` brukes ikke i rapportfilene
yaml-a-tag = et merke
yaml-remove-the-tag-if-the = ta bort merket; begynner teksten med `!`, sett den i anførselstegn
yaml-lists-and-maps-are-nested = lister og nøkler ligger mer enn { $max } nivåer inni hverandre her
yaml-too-deep = for mange nivåer
yaml-a-report-needs-far-less = en rapport trenger langt færre nivåer: sjekk innrykket, eller del teksten i flere kapitler
yaml-this-alias-refers-to-the = denne henvisningen (`*navn`) viser til listen den selv står i
yaml-refers-to-itself = viser til seg selv
yaml-an-alias-name-repeats-a = en henvisning (`*navn`) gjentar en verdi som er merket med `&navn` tidligere; den kan ikke gjenta sin egen liste
yaml-aliases-name-copy-more-than = henvisninger (`*navn`) kopierer mer enn { $max } verdier inn i denne filen
yaml-too-many-copies = for mange kopier
yaml-write-the-repeated-values-out = skriv verdiene ut, eller bruk færre henvisninger inni hverandre
yaml-a-second-yaml-document-starts = et nytt dokument begynner her (`---`); en fil kan bare ha ett
yaml-second-document = dokument nummer to
yaml-remove-the-line-and-what = ta bort linjen `---` (og det som følger, eller flytt det opp i det første dokumentet)
yaml-this-key-has-no-value = denne nøkkelen har ingen verdi
yaml-no-value = ingen verdi
yaml-write-key-value = skriv «nøkkel: verdi»
yaml-written-is-read-as-a = `{ $written }` leses som en henvisning (`*navn`), men ingen verdi er merket med det navnet
yaml-unknown-alias = ukjent henvisning
yaml-if-you-mean-the-text = mener du teksten «{ $written }», sett den i anførselstegn: "{ $written }"; `*navn` gjentar en verdi merket `&navn` tidligere i samme fil
yaml-lists-and-maps-are-nested-2 = lister og nøkler ligger for mange nivåer inni hverandre her
yaml-too-deep-2 = for mange nivåer
yaml-a-report-needs-far-less-2 = en rapport trenger langt færre nivåer: sjekk klammeparentesene og innrykket
yaml-kind-text = en tekst
yaml-kind-list = en liste
yaml-kind-map = en gruppe nøkler
yaml-kind-nothing = ingenting
yaml-syntax-tab = et tabulatortegn (Tab) er brukt til innrykk; filene skal rykkes inn med mellomrom
yaml-syntax-tab-label = et tabulatortegn
yaml-syntax-tab-hint = bytt tabulatortegnet ut med mellomrom (to for hvert nivå); mange redigeringsprogrammer kan vise og bytte ut tabulatortegn
yaml-syntax-indentation = innrykket stemmer ikke her: linjen står ikke på linje med nøklene den hører sammen med
yaml-syntax-indentation-label = innrykket er galt her
yaml-syntax-indentation-hint = rykk inn linjen med like mange mellomrom som nøklene den hører sammen med; en tekst som fortsetter over flere linjer, må rykkes lenger inn enn nøkkelen sin
yaml-syntax-colon-in-text = en tekst har kolon og mellomrom («: »), som leses som starten på en ny nøkkel; eller innrykket er galt
yaml-syntax-colon-in-text-label = leses som starten på en nøkkel
yaml-syntax-colon-in-text-hint = sett teksten i anførselstegn, f.eks. p: "Merk: dette gjelder 2024", eller sjekk innrykket på linjen
yaml-syntax-missing-colon = det mangler et kolon etter en nøkkel
yaml-syntax-missing-colon-label = nøkkel uten kolon
yaml-syntax-missing-colon-hint = skriv nøkkelen, kolon og mellomrom, og så verdien: title: Årsberetning 2024
yaml-syntax-unclosed-quote = et anførselstegn er åpnet, men aldri lukket
yaml-syntax-unclosed-quote-label = teksten går fra anførselstegnet og helt hit
yaml-syntax-unclosed-quote-hint = avslutt teksten med samme anførselstegn som den begynner med (" eller '); et anførselstegn inne i teksten skrives '' innenfor '…', eller \" innenfor "…"
yaml-syntax-unclosed-list = en liste i hakeparenteser [ … ] er ikke lukket, eller det mangler komma mellom to elementer
yaml-syntax-unclosed-list-label = her skulle det stått komma eller ]
yaml-syntax-unclosed-list-hint = lukk listen med ], skill elementene med komma, og sett elementer som selv har komma, i anførselstegn
yaml-syntax-unclosed-braces = en gruppe i klammeparenteser {"{"} … {"}"} er ikke lukket, eller det mangler komma mellom to av delene
yaml-syntax-unclosed-braces-label = her skulle det stått komma eller {"}"}
yaml-syntax-unclosed-braces-hint = lukk med {"}"} og skill delene med komma
yaml-syntax-missing-value = det mangler en verdi her, eller verdien begynner med et tegn som betyr noe spesielt i YAML
yaml-syntax-missing-value-label = her skal det stå en verdi
yaml-syntax-missing-value-hint = skriv verdien etter kolonet; sett tekst som begynner med * & ! [ {"{"} > | # @ % i anførselstegn
yaml-syntax-special = en verdi begynner med et tegn som betyr noe spesielt i YAML
yaml-syntax-special-label = spesialtegn
yaml-syntax-special-hint = sett teksten i anførselstegn: "…"
yaml-syntax-escape = en omvendt skråstrek (\) i tekst med doble anførselstegn innleder et spesialtegn, og dette kjennes ikke
yaml-syntax-escape-label = ukjent \-kombinasjon
yaml-syntax-escape-hint = bruk enkle anførselstegn ('…') rundt teksten, eller skriv \\ for én skråstrek
yaml-syntax-other = filen kan ikke leses her: noe i måten den er skrevet på, stemmer ikke
yaml-syntax-other-label = lesingen stoppet her
yaml-syntax-other-hint = sjekk innrykket, og sett tekst som har «: » eller begynner med et spesialtegn (* & ! [ {"{"} > | # @ %), i anførselstegn
yaml-syntax-parser-said = YAML-leseren sa (på engelsk): { $info }

## Nøklene i YAML-filene (load/read.rs, load/schema/)

read-expected-a-text = en tekst
read-expected-true-or-false = true eller false (ja eller nei)
read-expected-a-whole-number-such-as = et helt tall, f.eks. 2
read-expected-a-list = en liste
read-expected-a-value = en verdi
read-expected-a-text-2 = en tekst
read-expected-a-keyword = et av de faste ordene
read-s-is-not-one-of = «{ $s }» er ikke et av ordene som kan stå her: { $list }
read-unknown-word = ukjent ord
read-did-you-mean-best = mente du `{ $best }`?
read-missing-key-key-what = nøkkelen `{ $key }` mangler ({ $what })
read-this-map-needs-key = her må `{ $key }` stå
read-unknown-key-key = ukjent nøkkel `{ $key }`
read-not-a-key-of-this = denne nøkkelen kan ikke stå her
read-did-you-mean-best-2 = mente du `{ $best }`?
read-known-keys-here = nøkler som kan stå her: { $keys }
read-expected-a-block-a-map-with = en del av teksten (med én nøkkel: p, list, note, table …)
read-expected-a-list-item-a-text = et punkt i en liste (en tekst, eller text og items)
read-expected-a-note-a-text-a = en faktaboks (en tekst, en liste med avsnitt, eller title og text)
read-expected-a-goal-table-a-map = en måltabell (med goals)
read-expected-a-goal-a-map-with = et mål (med goal og measures)
read-expected-a-measure-a-map-with = et tiltak (med measure og comment)
read-expected-a-checklist-a-map-with = en sjekkliste (med items)
read-expected-a-row-a-map-with = en rad (med question, answer, comment)
read-expected-a-figure-a-map-with = et bilde (med file, alt, caption)
read-a-block-such-as-p = en del av teksten, f.eks. `- p: tekst`
read-write-a-paragraph-as-p = skriv et avsnitt som `- p: Teksten din`
read-a-block-has-exactly-one = hver del av teksten har nøyaktig én nøkkel, denne har { $count }: { $keys }
read-is-the-indentation-right-options = er innrykket riktig? Innstillingene for en tabell eller faktaboks står ett nivå lenger inn, under `table:`
read-a-block-kind = en type tekstdel
read-unknown-block-other = ukjent type tekstdel `{ $other }`
read-blocks-are = typene er: { $blocks }
read-did-you-mean-best-3 = mente du `{ $best }`?
read-the-item-s-text = teksten i punktet
read-the-note-s-text = teksten i faktaboksen
read-the-list-of-goals = listen over mål
read-the-goal-s-text = teksten i målet
read-the-measure-s-text = teksten i tiltaket
read-the-checklist-s-rows = radene i sjekklisten
read-the-question = spørsmålet
read-the-image-file = bildefilen
read-expected-a-chapter-or-section-a = et kapittel eller delkapittel (med title, blocks, sections)
read-expected-a-section-or-include-file = et delkapittel, eller `include: fil.yaml`
read-the-heading = overskriften
read-the-file-with-the-section = filen med delkapitlet
read-expected-the-report-s-settings-a = innstillingene for rapporten (nøkler som title, district, year)
read-the-report-s-title-e = tittelen på rapporten, f.eks. Årsberetning 2024
read-the-district-e-g-bydel = bydelen, f.eks. Bydel Bjerke
read-e-g-oslo-kommune = f.eks. Oslo kommune
read-the-reporting-year-e-g = året rapporten gjelder, f.eks. 2024
read-the-document-date-yyyy-mm = datoen på dokumentet, ÅÅÅÅ-MM-DD
read-the-list-of-chapter-files = listen over kapittelfilene
read-a-map-of-facts-name = nøkkeltall (navn: verdi, eller navn: {"{"}value: …{"}"})
read-a-fact = et nøkkeltall
read-the-fact-s-figure-e = tallet, f.eks. "89,4 %"
read-the-fact-has-no-value = nøkkeltallet «{ $value }» har ingen verdi
read-write-its-figure-after-the = skriv tallet etter kolonet, f.eks. `andel: "89,4 %"`
read-a-figure-or-a-map = et tall, eller value med tallet
read-expected-a-table-a-map-with = en tabell (med id, file, kind …)
read-expected-a-column-key-or-key = et kolonnenavn, eller {"{"}key, type{"}"}
read-expected-a-header-group-title-span = en felles overskrift over kolonner {"{"}title, span{"}"}
read-expected-a-row-label-or-table = en radtekst, eller {"{"}table: …, row: …{"}"}
read-expected-a-sum-row-of-columns = en sumrad {"{"}row, of, columns{"}"}
read-expected-above-all-a-list-of = `above`, `all`, en liste med rader, eller {"{"}from, to{"}"}
read-expected-a-link-to-rows-columns = en kobling til en annen tabell {"{"}to, rows, columns, relation{"}"}
read-expected-same-or-a-map-this = `same`, eller {"{"}rad her: rad der{"}"}
read-expected-a-list-of-column-keys = en liste med kolonnenavn, eller {"{"}kolonne her: kolonne der{"}"}
read-expected-a-total-columns-rows-equals = en total {"{"}columns | rows, equals{"}"}
read-expected-an-acknowledgement-rule-row-column = en godkjenning av et avvik {"{"}rule, row, column, reason{"}"}
read-the-table-s-id-unique = navnet (id) på tabellen, som ikke kan brukes av andre tabeller
read-the-csv-file = CSV-filen eller arbeidsboken
read-the-row-s-label = radteksten
read-the-sum-row = sumraden
read-the-first-row = den første raden
read-the-last-row = den siste raden
read-to-add-named-rows-write = vil du summere bestemte rader, skriv dem som en liste: `of: [Rad en, Rad to]`
read-the-other-table-s-id = navnet (id) på den andre tabellen
read-the-total-e-g = totalen, f.eks. 100
read-the-rule-s-code-or = koden eller navnet på kontrollen, f.eks. sum-row
read-why-the-finding-is-accepted = hvorfor avviket er i orden
read-a-list-of = en liste med { $items }
read-one-of = ett av ordene { $list }

## Kontrollene av tallene (validate/)

val-this-acknowledgement-of-matches-no = denne godkjenningen av `{ $rule }` passer ikke til noe funn
val-the-figures-may-have-been = tallene kan være rettet: ta bort godkjenningen, eller sjekk kontrollen, raden og kolonnen den nevner
val-the-acknowledgement-names-the-row = godkjenningen nevner raden «{ $row }», men tabellen `{ $id }` har { $matches_len } rader som kan være ment
val-which-row = hvilken rad?
val-give-the-rows-different-labels = gi radene ulike tekster i CSV-filen, eller skriv hele teksten til raden du mener
val-not-checked = ikke kontrollert
val-rule-declared-here = regelen står her
val-the-formula-needs-a-figure = utregningen «{ $text }» trenger et tall i hver kolonne den bruker
val-if-the-figure-is-not = finnes ikke tallet, skriv `*` også i den utregnede cellen, eller la den stå tom
val-printed-figures-are-rounded-one = tallene i tabellen er avrundet hver for seg, så et utregnet tall kan avvike med én enhet
val-for-percentages-the-avvik-is = for prosenter er avviket i prosentpoeng
val-correct-the-figure-or-if = rett tallet; er det publiserte tallet riktig, godta avviket i tabellens YAML-fil: `acknowledge: [{"{"}rule: { $rule }, row: "{ $row }", column: { $target }, reason: "…"{"}"}]`
val-rule-declared-here-2 = regelen står her
val-the-formula-computes-a-column = utregningen «{ $text }» gir en kolonne `{ $target }` som tabellen ikke har
val-the-formula-uses-a-column = utregningen «{ $text }» bruker en kolonne `{ $key }` som tabellen ikke har
val-the-formula = utregningen «{ $text }»
val-is-not-checked-in-this = `{ $target }` er ikke kontrollert i denne raden: `{ $column }` er { $shown }
val-differs-from-its-formula-by = `{ $target }` avviker med én enhet fra utregningen: avrunding
val-the-indicator-s-avvik-is = avviket for indikatoren er ikke resultat − måltall{ $points }
val-does-not-equal-formula = `{ $target }` er ikke lik { $formula }
val-function-code = funksjonskode
val-a-is-paired-with-b = «{ $a }» er koblet med «{ $b }» i `{ $to }`: tekstene er ulike bare i store/små bokstaver, mellomrom eller en fotnote
val-paired-by-label = koblet på radteksten
val-paired-with-this-row = koblet med denne raden
val-write-the-labels-alike-or = skriv tekstene likt, eller koble radene direkte med `rows: {"{"}rad her: rad der{"}"}`
val-there-is-no-column-a = tabellen har ingen kolonne `{ $a }`
val-table-has-no-column-b = tabellen `{ $to }` har ingen kolonne `{ $b }`
val-a-transferred-figure-is-a = et overført tall er en kopi og skal være helt likt; avrunding gjelder ikke
val-correct-one-of-the-two = rett ett av de to tallene, eller godta avviket: `{"{"}rule: { $rule }, row: "{ $row }", column: { $column }, reason: "…"{"}"}`
val-the-link-to = koblingen til `{ $to }`
val-row-of-is-not-available = raden «{ $row }» i `{ $table }` er `*` (tallet finnes ikke)
val-the-figure-is-transferred-to = tallet er overført til `{ $to }` («{ $other_row }»), men de to er ulike
val-this-figure-should-be-the = dette tallet skal være { $relation } tallet i `{ $to }` («{ $other_row }»)
val-there-is-no-table-with = det finnes ingen tabell med id «{ $id }»
val-the-rule = regelen
val-who-names-the-row-label = { $who } nevner raden «{ $label }», men tabellen `{ $id }` har { $rows_len } rader som kan være ment
val-which-row-2 = hvilken rad?
val-give-the-rows-different-labels-2 = gi radene ulike tekster i CSV-filen, eller skriv hele teksten til raden du mener
val-rule-declared-here-3 = regelen står her
val-cannot-be-computed = kan ikke regnes ut
val-rule-declared-here-4 = regelen står her
val-there-is-no-column-k = det finnes ingen kolonne `{ $k }`
val-did-you-mean-b = mente du `{ $b }`?
val-did-you-mean-b-2 = mente du «{ $b }»?
val-table-has-no-row-label = tabellen `{ $table }` har ingen rad «{ $label }»
val-row-has-cells-but-the = raden «{ $row }» har { $cell_spans_len } celler, men overskriftsraden har { $columns_len }
val-text-in-row-column-is = «{ $text }» i raden «{ $row }», kolonne `{ $key }`, er ikke et tall
val-what-cannot-be-checked = { $what } kan ikke kontrolleres: { $why }
val-the-table-s-column-keys = kolonnene i tabellen heter: { $keys }
val-not-checked-2 = ikke kontrollert
val-the-label-states-want-but = radteksten sier { $want }, men delen «{ $part }» nevner ingen alder
val-the-label-states-want-but-2 = radteksten sier { $want }, men delene overlapper ved { $from } år
val-the-label-states-want-but-3 = radteksten sier { $want }, men delene mangler { $missing }
val-the-label-states-want-but-4 = radteksten sier { $want }, men delene overlapper fra { $from } år
val-the-label-states-want-but-5 = radteksten sier { $want }, men delene summerer { $covered }
val-rows-numbers-under-the-header = radene { $numbers } under overskriften passer: { $labels }
val-a-range-must-run-downwards = et intervall må gå nedover i samme tabell
val-the-sum-row-must-be = sumraden «{ $row }» må være en rad i denne tabellen
val-the-sum-has-no-rows = summen «{ $row }» har ingen rader å legge sammen
val-the-sum-row-label-does = sumraden «{ $label }» legger ikke sammen radene som teksten nevner: { $problem }
val-the-label = radteksten
val-parts-declared-here = delene står her
val-declare-the-sum-as-its = skriv summen slik teksten sier (`of: {"{"}from: …, to: …{"}"}`); stemmer ikke de publiserte tallene, godta sum-row-funnet med en begrunnelse
val-adds = legger sammen { $rows }
val-printed-figures-are-rounded-one-2 = tallene i tabellen er avrundet hver for seg; en sum av { $n } rader kan avvike med opptil { $units } enheter
val-check-the-rows-and-the = sjekk radene og summen; er det publiserte tallet riktig, godta avviket: `{"{"}rule: sum-row, row: "{ $row }", column: { $key }, reason: "…"{"}"}`
val-sum-declared-here = summen står her
val-the-sum-adds-rows-of = summen legger sammen rader fra tabellen `{ $table }`, som ikke har kolonnen `{ $key }`
val-the-sum-label = summen «{ $label }»
val-the-sum-in-column-key = summen i kolonnen `{ $key }`
val-row-is-not-available = raden «{ $row }» er `*` (tallet finnes ikke)
val-the-sum-in-column-key-2 = summen i kolonnen `{ $key }`
val-the-sum-differs-from-its = summen avviker med { $difference } fra de { $n } radene: avrunding
val-the-sum-row-does-not = sumraden er ikke lik summen av de { $n } radene
val-name-another-table-s-rows = vil du summere rader fra en annen tabell, skriv dem blant delene: `of: [{"{"}table: …, row: …{"}"}]`
val-limit-the-sum-to-the = begrens summen til kolonnene begge har, med `columns: […]`
val-no-share = ingen andel
val-total-declared-here = totalen står her
val-the-shares-are-added-only = andelene legges sammen bare når alle er tall (en strek er 0)
val-total-declared-here-2 = totalen står her
val-the-total-is-not-checked = totalen er ikke kontrollert her: raden «{ $row }», kolonne `{ $column }` har ingen andel
val-the-shares-add-up-to = andelene summerer seg til { $sum }, ikke { $total }: avrunding
val-the-shares-should-add-up = andelene skal summere seg til { $total }, men blir { $sum }
val-the-total = totalen
val-the-total-of-the-shares = summen av andelene
val-the-heading-states-shown-but = overskriften «{ $header }» sier { $shown }, men kolonnen gjelder { $holds }
val-stale-year = gammelt år?
val-correct-the-year-in-the = rett året i overskriften (første linje i CSV-filen), f.eks. etter at fjorårets tabell er kopiert
val-the-report-year-year = rapportåret, { $year }
val-the-year-before-the-report = året før rapportåret, { $year_before }
val-a-year-before-year = et år før { $year }
val-the-start-of-the-report = starten av rapportåret ({ $year_before } eller { $year })
val-the-end-of-the-report = slutten av rapportåret ({ $year } eller { $year_after })
val-year-or-earlier = { $year } eller tidligere
valz-once-fixed = regelen kontrolleres når cellen har et tall
valz-cells-missing-or-extra = celler mangler, eller det er for mange
valz-not-a-figure = ikke et tall
valz-a-rule-can-only-use-figures = en regel kan bare bruke tall, og denne kolonnen har tekst
valz-the-link-rows-same = koblingen (`rows: same`)
valz-not-available = tallet finnes ikke
valz-not-available-cannot-be-compared = et tall som ikke finnes, kan ikke sammenlignes
valz-at-least = minst
valz-at-most = høyst
valz-sum-not-available = en sum av rader der ett tall ikke finnes, kan ikke sammenlignes med den trykte summen
valz-too-large = gir et tall som er for stort til å regnes ut nøyaktig
valz-divides-by-zero = deler på null
valz-too-large-hint = tall regnes ut nøyaktig opp til 79 228 162 514 264 337 593 543 950 335; se etter et tall med for mange sifre
valz-divides-by-zero-hint = utregningen deler på et tall som er 0 (eller `-`) i denne raden; rett tallet, eller la den utregnede cellen stå tom der utregningen ikke gir noe tall
valz-empty = tom
valz-in-points = { " " }(i prosentpoeng)

## Tall i teksten (refs/)

refs-feil = [feil: { $message }]
refs-the-text-writes-out-printed = teksten skriver tallet { $printed } direkte, men det er nøkkeltallet «{ $name }»
refs-the-fact-s-figure-written = nøkkeltallet, skrevet direkte
refs-write-instead-so-the-figure = skriv `{ $reference }` i stedet, så står tallet bare ett sted: i report.yaml
refs-the-facts-have-this-figure = nøkkeltallene «{ $names }» har dette tallet
refs-if-this-is-another-quantity = er dette et annet tall som tilfeldigvis er likt, hopp over kontrollen med `--skip literal-figure`
refs-the-fact-is-declared-here = nøkkeltallet står her
refs-filter-is-for-amounts-but = `{ $filter }` er for beløp, men { $figure } er en prosent
refs-mill-needs-to-know-the = `mill` må vite hvilken enhet { $figure } har, men det har ingen (gi nøkkeltallet `unit: 1000 kr` eller `unit: kr`)
refs-mill-works-on-amounts-in = `mill` gjelder beløp i kroner, men enheten til { $figure } er «{ $unit }»
refs-is-too-large-to-compute = { $figure } er for stort til å regnes om til millioner
refs-the-avvik-is-neither-merforbruk = avviket er { $figure }: verken merforbruk eller mindreforbruk (skriv setningen uten `forbruk`)

## Filer, CSV-tabeller, tegnsett, tall og tekst (load/, paths.rs)

load-a-field-that-contains-the = en celle som inneholder semikolon eller linjeskift, må stå i doble anførselstegn, og et anførselstegn inne i den skrives dobbelt ("")
load-this-csv-file-has-no = denne CSV-filen har ingen overskriftsrad
load-the-first-line-holds-the = første linje skal ha kolonneoverskriftene, skilt med `;`
load-empty-row = tom rad
load-excel-leaves-such-rows-when = Excel lar slike rader stå igjen når cellene en gang har vært brukt; slett radene i Excel for å bli kvitt denne merknaden
load-the-column-headings-are-read = kolonneoverskriftene leses fra { $place }, den første linjen som ikke er tom
load-empty-column-starts-here = tom kolonne begynner her
load-excel-writes-such-columns-when = Excel skriver slike kolonner (`;;;`) når celler til høyre for tabellen en gang har vært brukt; slett kolonnene i Excel for å bli kvitt denne merknaden
load-column-has-no-heading-but = kolonne { $column } har ingen overskrift, men den har innhold ({ $place }: «{ $value }»)
load-empty-heading = tom overskrift
load-write-the-column-s-heading = skriv overskriften til kolonnen på første linje; bare første kolonne (radtekstene) kan ha tom overskrift
load-this-csv-file-cannot-be = denne CSV-filen kan ikke leses: { $e }
load-n-empty-rows-every-cell = { $n } tomme rader (alle celler tomme) er utelatt fra tabellen
load-the-last-n-columns-have = de { $n } siste kolonnene har ingen overskrift og ingen tall; de er utelatt fra tabellen
load-the-file-is-not-valid = filen er ikke gyldig tekst
load-an-empty-row-every-cell = en tom rad (alle celler tomme) er utelatt fra tabellen
load-the-last-column-has-no = den siste kolonnen har ingen overskrift og ingen tall; den er utelatt fra tabellen
load-name-is-not-what = «{ $name }» er { $found }, ikke { $what }
load-name-looks-like-utf-text = «{ $name }» ser ut som UTF-16-tekst uten byte-rekkefølgemerke, og kan ikke leses sikkert
load-save-it-again-as-utf = lagre filen på nytt som UTF-8 ({ $save_as })
load-name-is-utf-text-but = «{ $name }» er UTF-16-tekst, men den er ødelagt ved byte { $offset } (et halvt tegn)
load-save-it-again-as-utf-2 = lagre filen på nytt som UTF-8 ({ $save_as })
load-name-is-not-utf-and = «{ $name }» er ikke UTF-8 og har kontrolltegnet 0x{ $b }: det ser ikke ut som en tekstfil
load-this-byte = dette tegnet
load-save-it-again-as-utf-3 = lagre filen på nytt som UTF-8 ({ $save_as })
load-name-mixes-two-encodings-byte = «{ $name }» blander to tegnsett: tegnet 0x{ $byte } er ikke UTF-8{ $meant }, men andre tegn er skrevet i UTF-8
load-not-utf = ikke UTF-8
load-probably-this-line-was-copied = trolig er denne linjen kopiert fra en fil lagret som Windows-1252 (Latin-1, «ANSI»); uansett hvordan filen leses, blir noen bokstaver gale, f.eks. «SÃ¦rskilt»
load-retype-the-marked-characters-then = skriv de merkede tegnene på nytt, og lagre så filen på nytt som UTF-8 ({ $save_as })
load-in-windows-it-would-be = { " " }(i Windows-1252 ville det vært «{ $c }»)
load-utf-char-is-utf = «{ $utf8_char }» er UTF-8
load-open-it-in-excel-and = åpne den i Excel og lagre arket som «CSV (semikolonseparert)» (*.csv), og skriv navnet på den filen her
load-copy-the-text-into-the = kopier teksten inn i YAML-filen til kapitlet; se docs/format.md
load-an-image-belongs-in-a = et bilde hører hjemme i en `figure:`-del (PNG, JPEG eller SVG), ikke her
load-the-path-rel-problem = filstien «{ $rel }» { $problem }
load-not-allowed = ikke tillatt
load-paths-are-relative-to-the = filstier regnes fra rapportmappen og kan ikke bruke `..` eller begynne med `/`
load-the-file-rel-does-not = filen «{ $rel }» finnes ikke
load-no-such-file-in-the = ingen slik fil i rapportmappen
load-did-you-mean-best = mente du «{ $best }»?
load-the-path-rel-leads-out = filstien «{ $rel }» går ut av rapportmappen
load-copy-the-file-into-the = kopier filen inn i rapportmappen
load-could-not-read-rel = kunne ikke lese «{ $rel }»: { $reason }
load-could-not-read = kunne ikke lese { $path }: { $reason }
load-the-folder-does-not-exist = mappen { $root } finnes ikke
load-the-file-does-not-exist = filen finnes ikke
load-permission-denied = du har ikke tilgang til filen
load-named-here = nevnt her
load-a-report-folder-holds-a = en rapportmappe har en report.yaml; lag en ny med «arsrapport new MAPPE --district "Bydel …" --year 2025», eller se docs/brukerveiledning.md
load-includes-itself = «{ $value }» tar med seg selv
load-a-file-cannot-include-itself = en fil kan ikke ta med (include) seg selv, verken direkte eller gjennom andre filer
load-includes-are-nested-more-than = filer som tar med andre filer (include), går mer enn { $max } nivåer ned her
load-include-the-section-files-from = ta med filene for delkapitlene fra kapittelfilen i stedet for fra hverandre
load-rename-the-file-to-end = gi filen et navn som slutter på .{ $extension }
load-export-the-picture-as-png = eksporter bildet som PNG eller JPEG (eller SVG for tegninger) og skriv navnet på den filen
load-copy-the-image-file-again = kopier bildefilen på nytt; denne er tom
load-open-the-image-in-an = åpne bildet i et bildeprogram og lagre det på nytt (eller eksporter det på nytt)
load-original-has-a-sign-but = «{ $original }» har fortegn, men ingen sifre
load-original-has-a-thousands-separator = «{ $original }» har et tusenskille på feil sted (det skal være grupper på tre sifre)
load-original-has-a-thousands-separator-2 = «{ $original }» har et tusenskille på feil sted (det skal være grupper på tre sifre)
load-is-too-large-the-largest = «{ $figure }» er for stort: det største tallet som kan kontrolleres nøyaktig, er 79 228 162 514 264 337 593 543 950 335 (29 sifre)
load-has-more-digits-than-can = «{ $figure }» har flere sifre enn det som kan holdes nøyaktig (høyst 28 sifre i alt, og høyst 28 etter komma); det måtte ha blitt avrundet
load-text-is-not-a-figure = «{ $text }» er ikke et tall
load-this-text-holds-an-invisible = denne teksten har et usynlig { $character }, som PDF-en og nettsiden ikke kan vise
load-the-pdf-s-fonts-have = skriftene i PDF-en har ikke tegnet «{ $c }» (U+{ $code }); det ville blitt skrevet som en tom boks
load-this-formula-is-nested-too = denne utregningen har for mange nivåer (mer enn { $max } nivåer med parenteser, fortegn og regnearter)
load-text-is-not-a-formula = «{ $text }» er ikke en utregning på formen `avvik = regulert - regnskap`
load-target-is-not-a-column = «{ $target }» er ikke et kolonnenavn (små bokstaver, sifre og _)
load-s-is-not-a-number = «{ $s }» er ikke et tall
load-s-is-too-large-to = «{ $s }» er for stort til å regnes ut nøyaktig
load-s-has-more-digits-than = «{ $s }» har flere sifre enn det som kan holdes nøyaktig
load-unexpected-c-in-formula = «{ $c }» kan ikke stå her i utregningen
load-unexpected-t-in-formula = { $t } kan ikke stå her i utregningen
load-emphasis-links-and-footnotes-are = utheving, lenker og fotnoter ligger mer enn { $max } nivåer inni hverandre her
load-links-may-not-go-to = lenker kan ikke gå til «{ $url }»
load-and-more-problems-with-markup = og { $dropped_errors } andre problemer med formateringen i denne teksten
load-write-the-text-with-less = skriv teksten med færre nivåer; en fotnote i en lenke i fet tekst er allerede tre nivåer
load-this-expression-is-never-closed = dette innhentede tallet `{"{"}{"{"}` blir aldri lukket
load-end-the-expression-with-or = avslutt med `{"}"}{"}"}`, eller skriv `\{"{"}{"{"}` hvis du vil ha krøllparentesene i teksten
load-this-footnote-is-never-closed = denne fotnoten `^[` blir aldri lukket
load-end-the-footnote-with-or = avslutt fotnoten med `]`, eller skriv `\^` hvis du vil ha ^ i teksten
load-links-may-go-to-https = lenker kan gå til https://, http://, mailto: eller #anker i rapporten
load-this-text-is-longer-than = denne teksten er lengre enn 4 GB
load-split-it-into-paragraphs = del den i avsnitt
load-fix-the-problems-above-first = rett problemene over først
load-the-output-name-name-is = navnet på PDF-filen, «{ $name }», er ikke et vanlig filnavn: { $problem }
load-not-a-plain-file-name = ikke et vanlig filnavn
load-build-writes-the-pdf-as = `build` skriver PDF-en som <utdatamappe>/<output_name>.pdf
load-use-letters-digits-and-only = bruk bare bokstaver, sifre, `-`, `_` og `.`, f.eks. `arsberetning-2024-bydel-bjerke`; eller ta bort `output_name`, så lages navnet av tittelen og bydelen
load-must-stay-inside-the-report = må ligge i rapportmappen
load-copy-the-templates-and-the = kopier malene (og filene de bruker) inn i rapportmappen i stedet for å lenke til dem
load-a-control-character-code = et kontrolltegn ({ $code })
load-a-space-like-character-code = et tegn som ligner mellomrom ({ $code })
load-the-character-c-code = tegnet «{ $c }» ({ $code })
load-the-template-folder-written-leads = malmappen «{ $written }» går ut av rapportmappen: { $problem }
load-the-template-folder-written-cannot = malmappen «{ $written }» kan ikke kontrolleres: { $problem }
load-leads-to-outside = { $path } peker til { $real }, utenfor { $real_root }
load-could-not-be-read-e = { $p } kunne ikke leses: { $e }
load-holds-more-than-max-entries = { $folder } har mer enn { $max_entries } filer eller mapper, eller mapper mer enn { $max } nivåer ned

## Flere meldinger om filer, tall og datoer

load2-a-is-not-closed = en `(` er ikke lukket
load2-the-formula-ends-too-early = utregningen slutter for tidlig
load2-unexpected-text-after-the-formula = det står noe etter utregningen som ikke hører til den
load2-is-empty = er tom
load2-a-pdf = en PDF
load2-an-office-document-or-a = et Office-dokument eller et ZIP-arkiv
load2-a-tiff-image-which-the = et TIFF-bilde, som PDF-en ikke kan ha med
load2-a-bmp-image-which-the = et BMP-bilde, som PDF-en ikke kan ha med
load2-a-heic-photo-from-an = et HEIC-bilde (fra en iPhone), som PDF-en ikke kan ha med
load2-text = tekst
load3-leaves-the-report-folder = går ut av rapportmappen
load3-too-large = for stort
load3-too-many-decimals = for mange desimaler
load3-excel-workbook = en Excel-arbeidsbok (.xlsx)
load3-ods = et regneark fra LibreOffice Calc (.ods)
load3-docx = et Word-dokument (.docx)
load3-xls = en gammel Excel-arbeidsbok (.xls) eller en annen gammel Office-fil
load3-zip = et ZIP-arkiv
load3-image = et bilde
load3-gzip = en komprimert fil (gzip)
load3-binary = en binærfil, ikke tekst
load3-save-as-csv = i Excel: Fil → Lagre som → «CSV UTF-8 (kommadelt)» eller «CSV (semikolonseparert)»
load3-save-as-text = i redigeringsprogrammet: lagre filen med tegnkodingen «UTF-8»
load3-a-csv-file = en CSV-fil
load3-a-text-file = en tekstfil (YAML)
load3-mixed-utf8 = tegnet ved byte { $offset } 0x{ $byte } er ikke UTF-8, men resten av filen er UTF-8
load3-this-is = dette er { $what }
load3-utf16-without-bom = UTF-16-tekst uten byte-rekkefølgemerke
load3-broken-utf16 = ødelagt UTF-16 ved byte { $offset }
load3-control-byte = tegnet ved byte { $offset } 0x{ $byte } er et kontrolltegn, ikke tekst
load3-date-format = en dato skrives ÅÅÅÅ-MM-DD, f.eks. 2025-03-01
load3-date-year = «{ $year }» er ikke et årstall med fire sifre
load3-date-month = det finnes ingen måned { $month } (månedene er 1–12)
load3-date-day = { $month ->
    [1] januar
    [2] februar
    [3] mars
    [4] april
    [5] mai
    [6] juni
    [7] juli
    [8] august
    [9] september
    [10] oktober
    [11] november
   *[12] desember
} { $year } har { $days } dager, så det finnes ingen { $day }. i måneden

## Rapporten settes sammen (lower/)

low-lists-are-nested-more-than = listene ligger mer enn { $max } nivåer inni hverandre her
low-too-deep = for mange nivåer
low-split-the-list-or-write = del opp listen, eller skriv de innerste punktene som tekst i punktet over
low-an-answer-column-without-a = en svarkolonne uten navn
low-empty = tom
low-write-the-answer-as-the = skriv svaret slik skjemaet skriver det, f.eks. `Ja`
low-the-answer-label-is-listed = svaret «{ $label }» står to ganger
low-second-time = andre gang
low-each-answer-is-one-column = hvert svar er én kolonne: skriv det bare én gang
low-a-checklist-needs-at-least = en sjekkliste trenger minst én svarkolonne
low-no-answers = ingen svar
low-leave-answers-out-for-ja = ta bort `answers:` for «Ja», «Delvis», «Nei», eller skriv deres egne: `answers: [Ja, Nei]`
low-is-not-one-of-this = «{ $answer }» er ikke et av svarene i denne sjekklisten: { $list }
low-unknown-answer = ukjent svar
low-did-you-mean-best = mente du `{ $best }`?
low-write-one-of-the-answers = skriv et av svarene, eller legg dette til i listen `answers:` i sjekklisten (hvert svar er en kolonne i skjemaet)
low-this-image-has-no-alternative = dette bildet har ingen alternativ tekst
low-add-alt = legg til `alt:`
low-describe-what-the-image-shows = beskriv med én eller to setninger hva bildet viser: lesere med skjermleser trenger det, og PDF/UA krever det
low-rel-is-not-a-png = «{ $rel }» er ikke et PNG-, JPEG-, GIF-, WebP- eller SVG-bilde
low-save-the-image-as-png = lagre bildet som PNG, JPEG eller SVG, og gi filen den filendelsen
low-rel-problem = «{ $rel }»: { $problem }
low-this-file = denne filen
low-sections-are-nested-more-than = delkapitlene ligger mer enn { $max } nivåer under kapitlet her
low-too-deep-2 = for mange nivåer
low-a-report-s-headings-go = overskriftene i en rapport går høyst seks nivåer ned: gjør dette til en `heading:`-del, eller flytt delkapitlet ett nivå opp
low-the-link-goes-to-target = lenken går til «#{ $target }», men rapporten har ikke noe kapittel, delkapittel eller tabell med det ankeret
low-no-such-anchor = ukjent anker
low-target-is-a-table-s = «{ $target }» er id-en til en tabell; en lenke til tabellen går til ankeret «#{ $anchor }»
low-did-you-mean-best-2 = mente du «#{ $best }»?
low-a-table-s-anchor-is = ankeret til en tabell er `tabell-` og nummeret med bindestreker (tabell-0-1-b); ankeret til et delkapittel er `id`-en, eller `seksjon-` og nummeret (seksjon-3-2)
low-the-link-is-not-a = lenken «{ $url }» er ikke en gyldig adresse
low-not-a-valid-address = ikke en gyldig adresse
low-is-not-a-date-problem = «{ $date }» er ikke en dato: { $problem }
low-expected-a-real-date-written = her skal det stå en dato skrevet ÅÅÅÅ-MM-DD
low-write-the-date-as-year = skriv datoen som år-måned-dag, f.eks. 2025-03-01
low-the-template-folder-rel-problem = malmappen «{ $rel }» { $problem }
low-templates-names-a-folder-inside = templates: skal være en mappe i rapportmappen, f.eks. `templates: maler`
low-code-is-not-a-kostra = «{ $code }» er ikke en KOSTRA-regionkode
low-expected-six-digits-e-g = her skal det stå seks sifre, f.eks. 030109
low-oslo-s-districts-are-bydel = bydelene i Oslo er 030101–030115 (Bydel Bjerke er 030109); en kommune har fire sifre, f.eks. 0301
low-is-not-a-year = «{ $year }» er ikke et årstall
low-expected-a-year-such-as = her skal det stå et årstall, f.eks. 2024
low-the-fact-name = nøkkeltallet «{ $name }»: { $problem }
low-the-id-id-is-used = id-en «{ $id }» er brukt to ganger
low-second-use = andre gang
low-ids-of-chapters-sections-and = id-ene til kapitler, delkapitler og tabeller må være unike i rapporten
low-first-use = første gang
low-here = her
low-a-header-group-spans-at = en felles overskrift må gå over minst én kolonne
low-columns = 0 kolonner
low-the-header-groups-span-columns = de felles overskriftene går over { $spanned } kolonner, men tabellen har { $ncols }
low-this-row-has-cells-the = denne raden har { $fields_len } celler, overskriftsraden har { $ncols }
low-every-row-needs-one-cell = hver rad trenger én celle per kolonne; en tom celle skrives som ingenting mellom to `;`
low-write-figures-as-or-for = skriv tall som 1 714 058, −50 136, 89,4 % eller 4,7; `-` for null, `*` når tallet ikke finnes; eller gi kolonnen `type: text`
low-a-table-has-columns-but = en tabell av typen `{ $kind }` har { $preset_len } kolonner, men «{ $rel }» har { $ncols }
low-expected-columns = kolonnene skal være: { $columns }
low-use-kind-generic-and-declare = bruk typen `generic` og skriv reglene selv, eller gi kolonnene navn med `columns:`
low-columns-names-columns-but-rel = `columns` gir navn til { $value_len } kolonner, men «{ $rel }» har { $ncols }
low-name-one-entry-per-column = gi ett navn per kolonne i filen, i samme rekkefølge
low-the-column-key-key-text = kolonnenavnet `{ $key_text }` er brukt to ganger
low-every-column-needs-its-own = hver kolonne trenger sitt eget navn: regler og henvisninger finner kolonnene på navnet
low-first-time = første gang
low-a-formula-names-a-column = en utregning skrives som et kolonnenavn, `=`, og så kolonnenavn med + - * / og ( ), f.eks. `avvik = regulert - regnskap`
low-is-not-a-number = «{ $number }» er ikke et tall
low-expected-a-number-such-as = her skal det stå et tall, f.eks. 100
low-a-total-needs-columns-add = en total trenger `columns` (legg sammen bortover) eller `rows` (legg sammen nedover)
low-unknown-rule-rule = ukjent kontroll «{ $rule }»
low-arsrapport-rules-lists-every-rule = `arsrapport rules` viser alle kontrollene med kode og navn
low-did-you-mean-best-3 = mente du `{ $best }`?
low-an-acknowledgement-needs-a-reason = en godkjenning av et avvik trenger en begrunnelse
low-say-why-the-published-figure = skriv hvorfor det publiserte tallet skal stå som det står

## Bygging, flere rapporter, ny rapport, KOSTRA (build, multi, new, kostra)

run-the-workspace-file-could-not = arbeidsområdefilen { $file } kunne ikke leses: { $e }
run-the-report-folders = rapportmappene
run-the-workspace-lists-no-report = arbeidsområdefilen lister ingen rapportmapper
run-an-empty-list = en tom liste
run-list-the-report-folders-reports = skriv opp rapportmappene: `reports: [bjerke, grorud]`
run-an-empty-report-folder = en tom rapportmappe
run-a-folder-name-is-needed = her må det stå et mappenavn
run-a-second-report-of-this = en rapport til med samme navn
run-this-folder = denne mappen
run-two-report-folders-are-named = to rapportmapper heter «{ $name }» ({ $key } og { $key2 }): hver rapport lages i sin egen mappe UT/<mappenavn>, så navnene må være ulike
run-the-report-folder-has-no = rapportmappen { $dir } har ikke noe navn å lage rapporten under
run-reports-built-not-built-check = { $reports } rapporter: { $built } laget, { $not_built } ikke laget (kontrollen fant feil), { $unreadable } kunne ikke leses, { $failed } feilet
run-check-found-errors-error-s = kontrollen fant { $errors } feil; ingenting er publisert
run-the-build-failed-the-previous = rapporten kunne ikke lages, den forrige utgaven er uendret: { $cause }
run-the-report-could-not-be = rapporten kunne ikke leses
run-error-could-not-write-the = feil: kunne ikke skrive funnene: { $e }
run-error-not-building-check-found = feil: lager ikke rapporten: kontrollen fant { $errors } feil. Rett dem, godta dem i YAML-filen med en begrunnelse, eller lag et utkast med --draft.
run-warning-warning-the-new-output = advarsel: { $warning } (den nye utgaven er på plass; neste gang ryddes det opp)
run-flag-is-empty-write-e = { $flag } er tom; skriv f.eks. { $flag } "Bydel Grorud"
run-flag-value-use-letters-digits = { $flag } «{ $value }»: bruk bare bokstaver, sifre, mellomrom og - . ' ( ) / &, og begynn med en bokstav eller et siffer (i report.yaml kan du skrive hva du vil etterpå)
run-year-year-give-the-year = --year { $year }: skriv året rapporten gjelder, mellom { $first } og { $last }
run-region-r-a-kostra-region = --region «{ $r }»: en KOSTRA-regionkode har seks sifre, f.eks. 030109 for Bydel Bjerke eller 030100 for Oslo kommune
run-could-not-read = kunne ikke lese «{ $dir }»
run-is-not-a-folder-name = «{ $dir }» er ikke et mappenavn
run-could-not-create-the-folder = kunne ikke lage mappen «{ $parent }»
run-could-not-move-the-report = kunne ikke flytte rapporten inn i «{ $dir }»
run-could-not-create-a-folder = kunne ikke lage en mappe i «{ $parent }»
run-could-not-create = kunne ikke lage «{ $folder }»
run-could-not-write = kunne ikke skrive «{ $target }»
run-already-exists-and-is-not = «{ $dir }» finnes allerede og er ikke en tom mappe; `new` skriver bare i en ny eller tom mappe, så ingenting er skrevet. Velg et annet mappenavn
run-removing-the-previous-output-old = da den forrige utgaven { $old } skulle slettes: { $e }
run-removing-the-stale-link-e = da den gamle lenken { $path } skulle slettes: { $e }
run-creating-the-output-folder = da utdatamappen { $out } skulle lages
run-opening-the-lock-file = da låsefilen { $path } skulle åpnes
run-removing-what-a-stopped-build = da det en avbrutt bygging etterlot, skulle slettes: { $path }
run-writing-to-disk = da { $path } skulle skrives til disken
run-writing-to-disk-2 = da { $dir } skulle skrives til disken
run-moving-the-old-aside = da den gamle { $entry } skulle flyttes til side
run-removing-the-old = da den gamle { $entry } skulle slettes
run-creating-the-link = da lenken { $link } skulle lages
run-withdrawing-the-old = da den gamle { $entry } skulle trekkes tilbake
run-removing-the-old-2 = da den gamle { $entry } skulle slettes
run-creating-the-link-2 = da lenken { $link } skulle lages
run-for-another-build-into-to = {"       "}Venter på at en annen bygging i { $out } blir ferdig
run-the-pdf-validator-failed = PDF-kontrollen feilet
run-the-pdf-could-not-be = PDF-en kunne ikke kontrolleres mot { $profile }: { $e }
run-in-a-kostra-table-every = i en `kostra`-tabell begynner hver rad unntatt sumraden med den tresifrede funksjonskoden og et mellomrom, f.eks. «201 Barnehage»
run-digits-is-not-a-kostra = { $digits } er ikke en KOSTRA-funksjonskode { $in_year }
run-digits-is-not-a-kostra-2 = { $digits } er ikke en KOSTRA-funksjonskode { $in_year }: den er ny fra { $from }
run-digits-is-a-kostra-function = { $digits } er en KOSTRA-funksjon som bare { $users } bruker { $in_year }
run-a-row-that-keeps-a = en rad som beholder en nedlagt funksjon for fjorårets tall, kan stå; godta denne advarselen med en begrunnelse
run-its-name-matches-the-row = navnet passer med raden
run-written-with = { $written } { $edit }
run-in-the-newest-list-this = i { $year } (den nyeste listen denne versjonen har)
run-does-not-start-with-a = «{ $label }» begynner ikke med en KOSTRA-funksjonskode
run-does-not-start-with-a-2 = «{ $label }» begynner ikke med en KOSTRA-funksjonskode: { $problem }
run-kostra-function-digits-was-retired = KOSTRA-funksjon { $digits } ble lagt ned etter { $until }
run-kostra-function-digits-was-retired-2 = KOSTRA-funksjon { $digits } ble lagt ned etter { $until }; SSB godtar den fortsatt i en overgangsperiode (til og med { $accepted_until })
run-did-you-mean = mente du { $suggestions }?
run-it-is-replaced-by = den er erstattet av { $codes }
run-check-the-report-s-year = sjekk året for rapporten, eller bruk den funksjonen årets liste har for dette
run-if-this-report-is-for = gjelder rapporten en av bydelene i Oslo, skriv det i report.yaml: `region:` med bydelens kode (030101–030115), eller organisation «Oslo kommune» med district «Bydel …»
run-digits-has-digit-a-function = «{ $digits }» har { $digits_len ->
    [one] { $digits_len } siffer
   *[other] { $digits_len } sifre
}; en funksjonskode har tre
run-digits-has-digits-a-function = «{ $digits }» har { $digits_len } sifre; en funksjonskode har tre
run-written-has-the-letter-letter = «{ $written }» har bokstaven { $letter } der det skal stå et siffer
run-the-code-digits-is-followed = koden { $digits } følges av «{ $next }»; sett et mellomrom mellom kode og navn
stage-checked = Kontrollert
stage-wrote = Skrev
stage-finished = Ferdig
stage-build = med byggingen
stage-rendered = Laget
stage-verified = Verifisert
stage-published = Publisert
build-draft-without-errors = merk: --draft er gitt, men kontrollen fant ingen feil: lager den endelige rapporten
build-failed = feil: rapporten kunne ikke lages; den forrige utgaven er uendret
build-pdf = PDF, { $size } kB
build-pdf-draft = PDF, { $size } kB, merket UTKAST
build-html = nettsider, { $files } filer
build-verified-standards = PDF/A-2a og PDF/UA-1
multi-check-summary = { $reports } rapporter: { $passed } i orden, { $failed } med feil, { $unreadable } kunne ikke leses
status-passed = i orden
status-failed = med feil
status-built = laget
status-not-built = ikke laget
status-unreadable = ulesbar
run-no-function-code = den begynner ikke med en funksjonskode
kostra-scope-municipal = alle kommuner
kostra-scope-oslo = Oslo kommune og bydelene
kostra-scope-districts = bydelene i Oslo
kostra-in-year = i { $year }
kostra-swapped = med to sifre byttet om
kostra-one-digit = med ett siffer endret
kostra-extra-digit = med ett siffer tatt bort
kostra-missing-digit = med ett siffer lagt til

## Diverse (bilder, filnavn, lenker)

fix-control-hint = slett tegnet (i Excel fjerner =RENS(...) dem); det kommer ofte fra tekst kopiert ut av et annet system
fix-glyph-hint = skriv det med bokstaver i stedet (emoji, kinesiske, japanske og koreanske tegn og mange symboler finnes ikke i skriftene i rapporten), eller bruk en mal med en skrift som har tegnet
fix-image-extension = «.{ $ext }» er ikke et bildeformat PDF-en kan ha med (PNG, JPEG, GIF, WebP eller SVG)
fix-image-empty = bildefilen er tom
fix-image-not-an-image = filen har navn som et { $format }-bilde, men er ikke et bilde
fix-image-not-an-image-like = filen har navn som et { $format }-bilde, men er ikke et bilde (den ser ut som { $what })
fix-image-mismatch = filen har navn som et { $format }-bilde, men er et { $found }-bilde
fix-image-undecodable = { $format }-bildet kan ikke leses: { $reason }
fix-does-not-exist = finnes ikke
fix-name-empty = det er tomt
fix-name-too-long = det er { $n } tegn langt; høyst { $max } er tillatt
fix-name-hidden = det begynner med punktum (en skjult fil)
fix-name-dotdot = det inneholder `..`
fix-name-trailing-dot = det slutter med punktum
fix-name-separator = det inneholder mappeskillet `{ $c }`
fix-name-character = det inneholder { $what }
fix-a-space = et mellomrom ({ $code })
fix-folder-escapes = mappen peker til { $target }, utenfor rapportmappen
fix-path-escapes = «{ $path }» i den peker til { $target }, utenfor rapportmappen
fix-rounding = avrunding
fix-row-column-in = «{ $row }», kolonne `{ $column }` i `{ $table }`
fix-and = { $list } og { $last }
fix-or = { $list } eller { $last }
fix-email = en e-postadresse skrives navn@domene.no
fix-host = adressen har ikke et gyldig domenenavn, f.eks. https://www.oslo.kommune.no
fix-spaces = en adresse kan ikke ha mellomrom; skriv dem som %20
fix-workspace-map = en gruppe med `reports:`, listen over rapportmapper

## Publisering (build/publish.rs)

pub-not-our-folder = { $path } er ikke mappen til arsrapport (det er en fil eller en lenke): flytt den bort
pub-in-the-way = { $path } er i veien: arsrapport har en lenke til den gjeldende utgaven der; flytt den bort
pub-pdf-is-folder = PDF-filen { $path } er en mappe: flytt den bort, eller lag rapporten i en annen mappe med --out
pub-foreign-link = { $link } peker til { $target }, som ikke er laget av arsrapport: flytt den bort
build-rendering-pdf = da PDF-en skulle lages
build-rendering-html = da nettsidene skulle lages
fix-extra-cells = her begynner cellene som er for mange
fix-cells-missing = celler mangler
ctl-control-character = kontrolltegn
ctl-backspace = tilbaketegn (backspace)
ctl-vertical-tab = vertikal tabulator
ctl-form-feed = sideskift (form feed)
ctl-next-line = linjeskift (NEL)
ctl-c1 = C1-kontrolltegn
ctl-noncharacter = ugyldig tegn

## Feil i kommandoen (cli/help.rs; på engelsk brukes claps egne ord)

clap-unknown-argument = kjenner ikke valget «{ $arg }»
clap-unknown-command = kjenner ikke kommandoen «{ $command }»
clap-invalid-value = «{ $value }» er ikke en gyldig verdi for { $arg }
clap-missing-argument = dette mangler: { $arg }
clap-did-you-mean = tips: mente du «{ $suggestion }»?
clap-valid-values = mulige verdier: { $values }
clap-more-help = mer hjelp: arsrapport --help

load-sheet-has-no-cells = dette arket har ingen celler med innhold i området som leses
load-sheet-first-row-holds-headings = første rad i tabellen skal ha kolonneoverskriftene; sjekk `sheet:` og `range:`
load-headings-read-from-sheet-row = kolonneoverskriftene leses fra raden til { $place }, den første raden som ikke er tom
load-excel-keeps-such-columns-sheet = Excel beholder slike kolonner når celler til høyre for tabellen en gang har vært brukt; slett kolonnene i Excel, eller skriv `range:`, for å bli kvitt denne merknaden
load-write-heading-first-row-sheet = skriv overskriften til kolonnen i tabellens første rad; bare første kolonne (radtekstene) kan ha tom overskrift
source-line = linje { $line }
source-cell = celle { $cell }
source-sheet-cell = { $file }, ark «{ $sheet }», celle { $cell }
read-expected-text-or-unchanged = en tekst, eller {"{"}text: …, unchanged: true{"}"}
read-the-text = teksten

help-watch = Kontroller og lag rapporten på nytt hver gang du lagrer, og vis nettstedet og PDF-en på din egen maskin (localhost), med funnene øverst på hver side.
help-examples-watch =
    Eksempler:
      arsrapport watch min-bydel            åpne så http://127.0.0.1:8025/ i nettleseren
      arsrapport watch min-bydel --port 9000
      arsrapport watch --draft              viser et utkast (UTKAST) mens kontrollen finner feil

    Hver lagring kontrolleres og bygges på nytt; en lagring som gjør rapporten feil, lar det siste
    gode resultatet stå på skjermen med funnene øverst. Hvert godt resultat publiseres også i --out,
    som med `build`. Ctrl-C avslutter.
help-arg-watch-dir = Rapportmappen (med report.yaml). Uten: $ARSRAPPORT_DIR, ellers report-data.
help-arg-port = Porten på 127.0.0.1 (0: en ledig port, adressen skrives ut). Standard 8025.
help-arg-watch-out = Mappen hvert gode resultat publiseres i, som med `build`. Standard out.
help-arg-watch-draft = Lag et utkast (hver PDF-side merket «UTKAST») mens kontrollen finner feil, i stedet for å beholde det siste gode resultatet.
help-roll-forward = Start neste års rapport fra årets: samme kapitler, tabeller, regler og nøkkeltall, året flyttet fram, fjorårets tall én kolonne bakover og nye celler merket `?` for tallene.
help-examples-roll-forward =
    Eksempler:
      arsrapport roll-forward rapporter/2024 --to rapporter/2025
      arsrapport check rapporter/2025       viser cellene som venter på tall og tekstene som ikke er revidert

    Den nye mappen må ikke finnes fra før (eller være tom). report.yaml får `previous:` som peker
    tilbake, slik at `check` sammenligner hvert tall om tidligere år med fjorårets rapport.
    Se docs/arssyklus.md.
help-diff = Vis hva som er endret mellom to versjoner av en rapport: tall, tekst, tabeller, kapitler og nøkkeltall (to mapper, eller en mappe og en git-versjon).
help-examples-diff =
    Eksempler:
      arsrapport diff rapporter/2025-utkast rapporter/2025
      arsrapport diff HEAD~1 rapporter/2025     mappen slik den var én innsjekking tilbake
      arsrapport diff v1:rapporter/2025 rapporter/2025 --format json
      arsrapport diff HEAD rapporter/2025 --html endringer.html
help-templates = Skriv de innebygde malene for PDF og nettsted til en ny mappe, for å endre utseendet mer enn `theme:` kan (se README i mappen).
help-examples-templates =
    Eksempler:
      arsrapport templates min-bydel/maler  skriv så `templates: maler` i min-bydel/report.yaml

    Mappen må ikke finnes fra før (eller være tom). Behold filene du endrer, slett resten.
build-not-publishing-unfinished = feil: publiserer ikke: { $count } tabell(er) venter fortsatt på tall, eller tekst(er) er ikke revidert siden fjorårets rapport (AR601, AR602). Fyll inn tallene, revider tekstene eller merk dem `unchanged: true`, eller lag et utkast med --draft.
read-expected-goals-section = rapportens mål (med city_goals, priorities og approaches)
read-expected-goal = et mål (med id, title, description og source)
read-expected-overview = plasseringen av måloversikten (med after og title)
read-expected-indicator = en indikator (med row, better eller band, og serves)
read-expected-theme = rapportens utseende (med colors, font, logo, cover_image og subtitle)
read-expected-colors = fargene, for eksempel {"{"}primary: "#2A2859"{"}"}
read-expected-image = en bildefil, eller {"{"}file, alt{"}"}
read-expected-previous-table = fjorårets tabell og rader (med table og rows)
read-expected-chart = et diagram (med table, kind, rows og columns)

# --- workbooks, theme, templates, watch (load/workbook, load/files.rs, lower/theme.rs, lower/meta.rs, template_export.rs, cli.rs, watch/) ---
wb-cannot-be-read-as-workbook = den kan ikke leses som en arbeidsbok ({ $error }); er den passordbeskyttet eller skadet?
wb-cannot-be-read = den kan ikke leses ({ $reason })
wb-reader-stopped = lesingen av filen stoppet opp
wb-sheet-cannot-be-read = arket «{ $sheet }» kan ikke leses ({ $error })
wb-no-worksheets = arbeidsboken har ingen regneark
wb-unreadable = «{ $file }»: { $reason }
wb-unreadable-hint = åpne filen i Excel og lagre den på nytt som Excel-arbeidsbok (.xlsx)
wb-holds-text = «{ $file }» inneholder tekst, ikke en arbeidsbok
wb-holds-text-hint = er det en CSV-fil, gi den et navn som slutter på .csv; ellers åpner du den i Excel og lagrer den som Excel-arbeidsbok (.xlsx)
wb-which-sheet = «{ $file }» har { $n } ark; skriv hvilket av dem tabellen står i
wb-which-sheet-label = hvilket ark?
wb-the-sheets-are = arkene heter { $list }
wb-which-sheet-hint = legg til `sheet: { $sheet }` (arkets navn slik det står på fanen nederst i Excel)
wb-no-sheet-named = «{ $file }» har ikke noe ark som heter «{ $name }»
wb-no-such-sheet = finner ikke dette arket
wb-range-names-other-sheet = området nevner arket «{ $named }», men `sheet:` sier «{ $sheet }»
wb-range-names-other-sheet-hint = skriv arket bare ett sted: i `sheet:`, eller foran området (`range: Netto!A1:F12`)
wb-sheet-given-here = `sheet:` står her
wb-range-no-cells = området { $range } i arket «{ $sheet }» har ingen celler med innhold
wb-sheet-no-cells = arket «{ $sheet }» har ingen celler med innhold
wb-too-many-cells = tabellen ville blitt cellene { $from }:{ $to } i arket «{ $sheet }», { $cells } celler; høyst { $max } celler kan leses som én tabell
wb-too-many-cells-hint = skriv tabellens celler med `range:`, f.eks. `range: A1:F12`, eller slett det som står langt ute i arket (i kolonne { $column } eller rad { $row })
wb-range-not-two-cells = området «{ $range }» er ikke to celler med `:` mellom
wb-range-no-such-cell = området «{ $range }» nevner en celle som ikke finnes (en celle skrives med kolonnens bokstaver og radens nummer, f.eks. B3)
wb-range-backwards = området «{ $range }» begynner nedenfor eller til høyre for der det slutter
wb-not-a-range = ikke et område
wb-range-hint = skriv tabellens øverste venstre og nederste høyre celle slik Excel gjør, f.eks. `range: A1:F12`
wb-formula-no-result = utregningen «={ $formula }» i denne cellen har ikke noe lagret resultat
wb-cell-shows-error = cellen viser feilen { $error }
wb-no-value = ingen verdi
wb-no-value-hint = åpne arbeidsboken i Excel, sørg for at cellen viser et tall, og lagre den (Excel lagrer resultatet av hver utregning sammen med den)
theme-colour-no-value = fargen `{ $name }` har ingen verdi
theme-colour-no-value-hint = skriv fargen i anførselstegn, f.eks. `{ $name }: "#2A2859"`: uten anførselstegn leser YAML alt fra # og ut linjen som en kommentar
theme-not-a-colour = «{ $value }» er ikke en farge
theme-expected-hex = her skal det stå #rrggbb
theme-colour-hint = skriv en farge som # og seks sifre eller bokstaver fra a til f, i anførselstegn, f.eks. "#2A2859" (fargekoden finner du i en fargevelger eller i organisasjonens designprofil)
theme-low-contrast = fargen `{ $name }` { $colour } gir for lav kontrast: { $ratio }:1 for { $what }; minst { $needed }:1 trengs
theme-use-primary = hvit tekst på fargen (forsiden, tabelloverskrifter) og fargen som tekst på hvitt (overskrifter)
theme-use-accent = lenker i denne fargen på hvitt
theme-use-light = hovedfargen på denne fargen (søkeknappen, målrader) og denne fargen på hovedfargen (bydelens navn på forsiden)
theme-use-tint = brødtekst på fargen (grupperader, merknadsbokser)
theme-too-little-contrast = for lav kontrast
theme-choose-lighter = velg en lysere nyanse, så teksten blir lett å lese (WCAG 2.1 AA)
theme-choose-darker = velg en mørkere nyanse, så teksten blir lett å lese (WCAG 2.1 AA)
theme-unknown-font = «{ $name }» er ikke en av skriftene som følger med programmet
theme-unknown-font-label = ukjent skrift
theme-the-fonts-are = skriftene er { $list }
theme-cover-no-alt = forsidebildet har ingen alternativ tekst
theme-add-alt = legg til `alt:`
theme-cover-alt-hint = skriv det slik: `cover_image: {"{"}file: bilder/forside.jpg, alt: "hva bildet viser"{"}"}`
theme-image-file = bildefilen, f.eks. bilder/logo.png
theme-subtitle-twice = undertittelen står to steder
theme-second-subtitle = andre undertittel
theme-first-subtitle = første undertittel
theme-subtitle-twice-hint = behold én av dem: `subtitle:` og `theme: subtitle:` er den samme innstillingen
tpl-wrote = { "       " }Skrev de innebygde malene til { $dir } ({ $count } filer)
tpl-next = Neste steg: les { $dir }/README.md, og skriv denne mappen i `templates:` i report.yaml.
tpl-not-empty = «{ $dir }» finnes allerede og er ikke en tom mappe; `templates` skriver bare i en ny eller tom mappe, så ingenting er skrevet. Velg et annet mappenavn
watch-no-folder = feil: rapportmappen { $dir } finnes ikke
watch-cannot-serve = feil: kan ikke vise rapporten på 127.0.0.1:{ $port }: { $error } (kjører en annen `watch` allerede? Velg en annen port med --port)
watch-ctrlc-abrupt = advarsel: Ctrl-C vil avslutte programmet brått: { $error }
watch-cannot-watch = feil: kan ikke følge med på endringer i { $dir }: { $error }
watch-warning-watching = advarsel: under overvåkingen av mappen: { $error }
watch-warning = advarsel: { $warning }
watch-could-not-publish = advarsel: kunne ikke publisere i { $out }: { $error } (forhåndsvisningen er likevel oppdatert)
watch-tag-serving = Viser
watch-serving = { $dir } på { $url } (PDF-en: { $url }__arsrapport/pdf)
watch-tag-watching = Overvåker
watch-watching = { $dir }: rapporten lages på nytt hver gang du lagrer; Ctrl-C avslutter
watch-tag-stopped = Avsluttet
watch-stopped = overvåkingen
watch-tag-not-rebuilt = Ikke laget
watch-not-rebuilt = ({ $why }); viser fortsatt den siste gode utgaven
watch-tag-rebuilt = Laget
watch-rebuilt = på nytt på { $total } ms (kontroll { $check } ms, PDF { $pdf } ms, HTML { $html } ms)
watch-tag-findings = Funn
watch-findings-as-before = som før ({ $summary })
watch-build-failed = rapporten kunne ikke lages: { $error }
watch-check-found-errors = kontrollen fant { $errors } feil: rett dem, godta dem i YAML-filen med en begrunnelse, eller start watch med --draft
watch-banner-not-rebuilt = Ikke laget på nytt: { $why }.
watch-banner-showing-last = Viser den siste gode utgaven ({ $time }).
watch-banner-nothing-built = Ingenting er laget ennå: { $why }.
watch-banner-live = Forhåndsvisning
watch-banner-built = laget { $time }
watch-banner-site = Nettsted
watch-banner-findings = Funn
watch-banner-no-findings = Ingen funn.
watch-page-waiting = Når kontrollen ikke lenger finner feil, vises nettstedet og PDF-en her.
watch-page-no-pdf = Ingen PDF er laget ennå.
watch-page-not-found = Fant ikke siden
watch-page-no-such-page = Denne siden finnes ikke.
watch-http-too-many = for mange tilkoblinger
watch-http-bad-request = ugyldig forespørsel
watch-http-only-get = bare GET og HEAD
watch-http-only-local = bare for 127.0.0.1 og localhost
# --- cycle ---
cycle-awaiting = { $count ->
    [one] 1 celle i tabellen `{ $table }` venter fortsatt på et tall
   *[other] { $count } celler i tabellen `{ $table }` venter fortsatt på tall
}
cycle-awaiting-label = venter på et tall
cycle-awaiting-hint = skriv tallet i stedet for hvert `?`; la cellen stå tom hvis tabellen ikke skal vise noe der, eller skriv `*` hvis tallet ikke finnes
cycle-awaiting-column = «{ $heading }» venter på tall
cycle-awaiting-every-row = «{ $heading }»: alle radene ({ $count })
cycle-awaiting-more = og { $count } til
cycle-unchanged-not-prose = `unchanged` kan bare stå på avsnitt, faktabokser, listepunkter og kommentarer
cycle-unchanged-not-prose-label = sammenlignes ikke med fjorårets rapport
cycle-unchanged-not-prose-hint = fjern `unchanged: true` her: denne teksten blir ikke sjekket for om den er revidert
cycle-unrevised = denne teksten er ord for ord den samme som i rapporten for { $year }
cycle-unrevised-label = ikke revidert
cycle-unrevised-hint = skriv teksten om for i år, eller, hvis den skal stå som den er, merk den: `- p: {"{"}text: …, unchanged: true{"}"}` (se docs/arssyklus.md)
cycle-unrevised-there = den samme teksten i rapporten for { $year }
cycle-mark-unneeded = denne teksten er merket `unchanged: true`, men den er ulik alle tekstene i fjorårets rapport
cycle-mark-unneeded-label = revidert likevel
cycle-mark-unneeded-hint = fjern `unchanged: true` hvis teksten var ment å bli revidert
cycle-no-report-yaml = det er ingen report.yaml i { $folder }
cycle-own-folder = det er denne rapportens egen mappe
cycle-has-errors = den har feil
cycle-other-year = rapporten i «{ $written }» gjelder { $found }, ikke året før denne ({ $expected })
cycle-fact-mismatch = nøkkeltallet «{ $name }» er { $found } her, men rapporten for { $year } viste { $expected }
cycle-published-label = rapporten for { $year }: { $expected }
cycle-published-there = vist her i rapporten for { $year }
cycle-unreadable = fjorårets rapport «{ $written }» kan ikke leses: { $problem }
cycle-unreadable-label = oppgitt her
cycle-unreadable-hint = `previous:` er mappen med fjorårets rapport, sett fra denne (for eksempel `../2024`); kjør `arsrapport check` på den
cycle-empty-cell = tom
cycle-mismatch = «{ $heading }» for «{ $row }» er { $found } her, men rapporten for { $year } viste { $expected }
cycle-mismatch-hint = rett tallet, eller, hvis fjorårets tall er rettet siden, godta avviket i tabellens YAML-fil og skriv begrunnelsen (`acknowledge:` med `rule: previous-year`)
cycle-unpaired = { $count ->
    [one] 1 rad i tabellen `{ $table }` med tall for tidligere år finnes ikke i fjorårets tabell: { $labels }
   *[other] { $count } rader i tabellen `{ $table }` med tall for tidligere år finnes ikke i fjorårets tabell: { $labels }
}
cycle-not-compared-label = sammenlignes ikke med fjorårets rapport
cycle-unpaired-hint = hvis en rad har fått nytt navn, skriv det ved tabellen: `previous: {"{"}rows: {"{"}"nytt navn": "fjorårets navn"{"}"}{"}"}`
cycle-missing-table = fjorårets rapport har ingen tabell `{ $table }`
cycle-missing-table-label = oppgitt under `previous:`
cycle-table-not-last-year = tabellen `{ $table }` finnes ikke i fjorårets rapport: tallene for tidligere år i den blir ikke sjekket
cycle-table-not-last-year-hint = hvis tabellen hadde en annen id i fjor, skriv `previous: {"{"}table: <fjorårets id>{"}"}` ved tabellen
cycle-roll-unreadable = rapporten i { $dir } kan ikke leses: { $problem }; kjør `arsrapport check { $dir }`
cycle-roll-incomplete = innstillingene i report.yaml er ikke komplette
cycle-roll-write = kunne ikke skrive { $path }: { $error }
cycle-roll-not-empty = { $to } finnes allerede og er ikke tom: oppgi en ny mappe for neste års rapport
cycle-roll-inside = { $to } ligger inne i rapportmappen { $dir }: legg neste års rapport ved siden av (for eksempel ../{ $name })
cycle-roll-broken = advarsel: den nye rapporten kan ikke leses slik den ble skrevet: { $message } — kjør `arsrapport check { $dir }` og rett den (og meld gjerne fra om feilen)
cycle-roll-year-by-hand = { $file }:{ $line }: året i «{ $value }» kunne ikke flyttes fram der det står: endre det for hånd
cycle-roll-facts = report.yaml: { $count ->
    [one] 1 nøkkeltall er beholdt som det var
   *[other] { $count } nøkkeltall er beholdt som de var
}: oppdater tallene for i år ({ $names })
cycle-roll-acknowledged = { $file }:{ $line }: tabellen `{ $table }` beholder { $count ->
    [one] 1 godtatt avvik
   *[other] { $count } godtatte avvik
} fra fjorårets funn: fjern dem som ikke gjelder årets tall (check advarer om dem som ikke brukes)
cycle-roll-workbook = { $file }: tabellen `{ $table }` kommer fra en arbeidsbok (arket «{ $sheet }»): flytt tallene ett år tilbake i Excel; check viser overskriftene som fortsatt gjelder fjoråret
cycle-roll-kept = { " " }beholdt { $columns }
cycle-roll-awaiting = { $sep } venter på tall: { $columns }
cycle-roll-wrote = { "       " }Skrev rapporten for { $year } i { $dir } ({ $files } filer; { $awaiting } celler venter på tall)
cycle-roll-next =
    Neste steg: fyll inn cellene med `?`, revider teksten, og kjør så
      arsrapport check { $dir }
      arsrapport diff { $old } { $dir }
cycle-diff-unreadable = rapporten { $label } kan ikke leses; kjør `arsrapport check` på den
cycle-diff-write = kunne ikke skrive { $file }: { $error }
cycle-diff-no-git = kunne ikke kjøre git: { $error }
cycle-diff-not-in-repo = { $dir } ligger ikke i git-depotet
cycle-diff-no-report = det er ingen rapport i «{ $path }» i versjon { $rev } (ingen report.yaml)
cycle-diff-header = Endringer fra { $old } ({ $old_title }, { $old_year }) til { $new } ({ $new_title }, { $new_year })
cycle-diff-none = Ingen endringer.
cycle-diff-settings = Innstillinger
cycle-diff-facts = Nøkkeltall
cycle-diff-tables = Tabeller
cycle-diff-table = tabell
cycle-diff-heading = overskrift
cycle-diff-column = kolonne
cycle-diff-row = rad
cycle-diff-empty = (tom)
cycle-diff-sections = Kapitler og delkapitler
cycle-diff-text = Tekst
cycle-diff-summary = endret: { $settings ->
    [one] 1 innstilling
   *[other] { $settings } innstillinger
}, { $facts } nøkkeltall, { $tables ->
    [one] 1 tabell
   *[other] { $tables } tabeller
} ({ $figures ->
    [one] 1 tall
   *[other] { $figures } tall
}), { $sections ->
    [one] 1 kapittel eller delkapittel
   *[other] { $sections } kapitler og delkapitler
}, { $texts ->
    [one] 1 tekst
   *[other] { $texts } tekster
}
cycle-html-lang = nb
cycle-html-added = Ny
cycle-html-removed = Fjernet
cycle-html-changed = Endret
cycle-html-title = Endringer i { $title }
cycle-html-from-to = Fra { $old } ({ $old_year }) til { $new } ({ $new_year }).
cycle-html-none = Ingen endringer.
cycle-html-settings = Innstillinger og nøkkeltall
cycle-html-name = Navn
cycle-html-before = Før
cycle-html-now = Nå
cycle-html-change = Endring
cycle-html-tables = Tabeller
cycle-html-sections = Kapitler og delkapitler
cycle-html-text = Tekst
cycle-html-page-title = Endringer – { $title }
cycle-html-brand = Endringer
cycle-html-columns-added = Nye kolonner
cycle-html-columns-removed = Fjernede kolonner
cycle-html-rows-added = Nye rader
cycle-html-rows-removed = Fjernede rader
cycle-html-heading = Kolonneoverskrift
cycle-html-row = Rad
cycle-html-column = Kolonne
# --- expr (tall i teksten, {{ … }}) ---
expr-first-given-here = først gitt her
expr-label-cannot-be-read = kan ikke leses
expr-label-cannot-be-evaluated = kan ikke regnes ut
expr-label-never-closed = avsluttes aldri
expr-label-given-again = gitt på nytt
expr-label-not-in-text = kan ikke brukes i teksten
expr-label-too-deep = for mange nivåer
expr-label-unknown-name = ukjent navn
expr-label-no-fact = nøkkeltallet finnes ikke
expr-label-no-table = tabellen finnes ikke
expr-label-no-row = raden finnes ikke
expr-label-ambiguous-row = passer til flere rader
expr-label-no-column = kolonnen finnes ikke
expr-label-column-heading = en kolonneoverskrift, ikke et kolonnenavn
expr-label-awaiting = venter på et tall
expr-label-cannot-compute = kan ikke regnes ut
expr-language = i teksten kan du bruke fakta.<navn>, tabell(…), sum(…), endring(…) og filtrene i docs/format.md, «Figures in text»
expr-did-you-mean = mente du { $suggestion }?
expr-write = skriv { $form }
expr-got-text = en tekst
expr-got-number = et tall
expr-got-figure = et tall fra en tabell eller et nøkkeltall
expr-got-bool = sann eller usann (true/false)
expr-got-list = en liste
expr-got-the-text = teksten «{ $text }»
expr-got-bool-value = `{ $value }`
expr-expected-value = en verdi (fakta.<navn>, tabell(…), sum(…), endring(…), et tall eller en tekst i anførselstegn)
expr-expected-filter-name = navnet på et filter etter `|`
expr-expected-field-name = navnet på et nøkkeltall etter `fakta.`
expr-expected-index = navnet på et nøkkeltall i anførselstegn, som i fakta["navn"]
expr-expected-argument-name = navnet på et argument, som i id="…"
expr-expected-comma-or-close = `,` eller `{ $close }`
expr-expected-close = en avsluttende `{ $close }`
expr-expected-filter-or-end = `|` og et filter, eller slutten på uttrykket
expr-cannot-be-evaluated = uttrykket kan ikke regnes ut
expr-empty = klammeparentesene er tomme
expr-empty-hint = skriv en henvisning, for eksempel `{"{{"} fakta.navn {"}}"}`
expr-whitespace-control = `{"{{"}-` og `-{"}}"}` (styring av mellomrom) brukes ikke i teksten
expr-whitespace-control-hint = skriv mellomrommene du vil ha rundt klammeparentesene, rett i teksten
expr-unexpected-character = uttrykket kan ikke leses: «{ $character }» betyr ingenting her
expr-unclosed-text = uttrykket kan ikke leses: teksten i anførselstegn som begynner her, avsluttes aldri
expr-unclosed-text-hint = avslutt teksten med { $quote }
expr-number-too-large = tallet { $number } er for stort til å regnes med nøyaktig
expr-number-too-precise = tallet { $number } har flere desimaler enn det går an å regne nøyaktig med
expr-ends-early = uttrykket kan ikke leses: det slutter der { $expected } skulle komme
expr-unexpected = uttrykket kan ikke leses: her skulle det stå { $expected }, ikke «{ $found }»
expr-one-value-hint = et uttrykk er én verdi, eventuelt med filtre, for eksempel `{"{{"} tabell(id="…", rad="…", kolonne="avvik") | kr {"}}"}`
expr-positional = argumentene til en funksjon skrives med navn
expr-duplicate-argument = `{ $owner }` har fått `{ $argument }=` to ganger
expr-duplicate-argument-note = hvert argument skal bare gis én gang
expr-non-ascii-field = et navn etter `.` kan bare ha bokstavene a–z, sifre og _
expr-non-ascii-field-hint = et nøkkeltall med andre bokstaver (som æ, ø, å) skrives fakta["navn"]
expr-arithmetic = du kan ikke regne med + - * / i teksten (det ville ikke blitt nøyaktig)
expr-arithmetic-hint = regn ut i tabellhenvisningen, `kolonne="regnskap - regnskap_fjor"`, eller skriv `endring(fra=…, til=…)`; se docs/format.md, «Figures in text»
expr-concat = å skjøte sammen tekst med `~` kan ikke brukes i teksten
expr-concat-hint = skriv ordene utenfor klammeparentesene
expr-unsupported = { $what } kan ikke brukes i teksten
expr-unsupported-not = `not`
expr-unsupported-test = tester med `is`
expr-unsupported-macro = makroer
expr-unsupported-comparison = sammenligninger og `and`/`or`
expr-too-deep = dette uttrykket har for mange nivåer inni hverandre (mer enn { $max } nivåer med parenteser, funksjoner og lister)
expr-unknown-name = navnet `{ $name }` finnes ikke i teksten
expr-unknown-name-fact-hint = nøkkeltallet «{ $fact }» skrives `fakta.{ $name }`
expr-unknown-name-function-hint = `{ $name }` er en funksjon: skriv { $form }
expr-unknown-name-filter-hint = `{ $name }` er et filter: skriv det etter en verdi, som i `{"{{"} fakta.navn | { $name } {"}}"}`
expr-did-you-mean-fakta = mente du `fakta`?
expr-unknown-name-note = i teksten kan du bruke fakta.<navn>, tabell(…), sum(…) og endring(…)
expr-fact-not-named = skriv hvilket nøkkeltall du mener: `fakta.<navn>`
expr-fact-parts = `{ $written }`: et nøkkeltall er ett enkelt tall og har ingen deler
expr-fact-name-not-quoted = navnet på et nøkkeltall i `[ ]` skrives i anførselstegn
expr-fact-name-not-quoted-hint = skriv fakta["{ $name }"]
expr-unknown-fact = nøkkeltallet «{ $name }» finnes ikke
expr-no-facts-declared = rapporten har ingen nøkkeltall: legg dem inn under `facts:` i report.yaml
expr-facts-declared = nøkkeltallene står under `facts:` i report.yaml: { $facts }
expr-unknown-function = funksjonen `{ $name }` finnes ikke
expr-functions = funksjoner: { $names }
expr-unknown-filter = filteret `{ $name }` finnes ikke
expr-filter-is-function-hint = `{ $name }` er en funksjon: skriv { $form } som verdien, foran filtrene
expr-filters = filtre: { $names }
expr-filter-no-argument = filteret `{ $owner }` har ikke argumentet `{ $argument }`
expr-function-no-argument = funksjonen `{ $owner }` har ikke argumentet `{ $argument }`
expr-filter-takes-nothing = filteret `{ $owner }` tar ingen argumenter
expr-function-takes-nothing = funksjonen `{ $owner }` tar ingen argumenter
expr-takes = `{ $owner }` tar { $arguments }
expr-missing-argument = `{ $function }` mangler `{ $argument }=`
expr-not-text = `{ $argument }=` i `{ $owner }` må være en tekst i anførselstegn, ikke { $got }
expr-not-figure = `{ $argument }=` i `{ $owner }` må være et tall, men er { $got }
expr-not-row-list = `rader=` i `sum` må være en liste, for eksempel ["100", "110"], ikke { $got }
expr-not-row-label = `rader=` i `sum` er en liste med radtekster i anførselstegn, ikke { $got }
expr-bad-decimals = `desimaler=` i `{ $filter }` må være et helt tall fra 0 til 10
expr-bad-thousands = `tusenskille=` i `tall` er true eller false
expr-filter-input = filteret `{ $filter }` trenger et tall, men får { $got }
expr-result = uttrykket gir { $got }, ikke et tall eller en tekst
expr-empty-result = uttrykket gir en tom tekst
expr-sum-arithmetic = summen { $problem }
expr-change-arithmetic = endringen { $problem }
expr-unknown-table = det finnes ingen tabell med id «{ $id }»
expr-unknown-table-note = en tabell heter det som står i `id:` under `table:`
expr-unknown-row = tabellen `{ $table }` har ingen rad «{ $row }»
expr-unknown-row-note = en rad skrives med radteksten, med radnøkkelen, eller med begynnelsen av radteksten fulgt av et mellomrom
expr-ambiguous-row = «{ $row }» passer til { $count } rader i tabellen `{ $table }`
expr-ambiguous-row-hint = skriv hele radteksten til raden du mener, eller gi radene ulike tekster i CSV-filen
expr-unknown-column = tabellen `{ $table }` har ingen kolonne `{ $column }`
expr-columns = kolonnene i `{ $table }` heter: { $keys }
expr-column-heading = «{ $heading }» er overskriften på kolonnen `{ $key }` i tabellen `{ $table }`, ikke kolonnenavnet
expr-column-heading-hint = skriv kolonne="{ $key }"
expr-column-heading-note = `kolonne=` bruker kolonnenavnet, slik kontrollene gjør; overskriften er det tabellen viser
expr-bad-formula = utregningen «{ $formula }» kan ikke leses: { $reason }
expr-bad-formula-hint = en utregning bruker kolonnenavn, tall, + - * / og ( ), for eksempel "regnskap - regnskap_fjor"
expr-cell-awaiting = raden «{ $row }», kolonnen `{ $column }` i tabellen `{ $table }` venter fortsatt på tallet sitt (`?`)
expr-cell-malformed = raden «{ $row }», kolonnen `{ $column }` i tabellen `{ $table }` kan ikke brukes: raden har flere eller færre celler enn overskriftsraden
expr-cell-empty = raden «{ $row }», kolonnen `{ $column }` i tabellen `{ $table }` er tom
expr-cell-not-available = raden «{ $row }», kolonnen `{ $column }` i tabellen `{ $table }` er `*` (tallet finnes ikke)
expr-cell-text = raden «{ $row }», kolonnen `{ $column }` i tabellen `{ $table }` har teksten «{ $text }», ikke et tall
expr-formula-missing = har ikke noe tall for `{ $key }`
expr-formula-arithmetic = utregningen { $problem } i raden «{ $row }» i tabellen `{ $table }`
# --- goals and charts ---
goals-overview-after-unknown = måloversikten skal stå etter «{ $written }», men den filen står ikke i `chapters:`
goals-not-a-chapter-file = ikke en kapittelfil i rapporten
goals-did-you-mean = mente du `{ $best }`?
goals-did-you-mean-row = mente du «{ $best }»?
goals-id-not-plain = målets id «{ $id }» kan bare inneholde små bokstaver a–z, sifre, `-` og `_`
goals-id-not-plain-hint = skriv id-en uten mellomrom, store bokstaver og æ, ø, å, f.eks. `p1` eller `mal-3`
goals-id-twice = to mål har id-en «{ $id }»
goals-second-declaration = andre gang
goals-first-declaration = første gang
goals-id-twice-hint = gi hvert mål sin egen id
goals-none-declared = «{ $id }» viser til et mål, men report.yaml har ingen mål
goals-none-declared-hint = skriv opp målene én gang under `goals:` i report.yaml (se docs/format.md, «Goals»)
goals-unknown-id = ingen mål har id-en «{ $id }»
goals-unknown-goal = ukjent mål
goals-the-goals-are = målene er: { $list }
goals-named-twice = målet «{ $id }» står to ganger her
goals-second-time = andre gang
goals-indicator-twice = indikatoren «{ $label }» står to ganger under `indicators:`
goals-no-row = tabell `{ $table }` har ingen rad «{ $row }»
goals-no-such-row = finnes ikke
goals-row-ambiguous = «{ $row }» passer på { $n } rader i tabell `{ $table }`
goals-write-the-whole-label = skriv hele radnavnet
goals-better-and-band = en indikator skal ha enten `better:` eller `band:`, ikke begge
goals-better-and-band-hint = med et målområde (`band:`) er målet nådd når resultatet ligger innenfor det; ta bort `better:`
goals-no-direction = indikatoren sier ikke om et høyt eller lavt resultat er best
goals-no-direction-row = indikatoren «{ $row }» sier ikke om et høyt eller lavt resultat er best
goals-no-direction-hint = legg til `better: høyere` eller `better: lavere`, eller et målområde som `band: ["95 %", "100 %"]`
goals-band-ends = et målområde har to grenser, dette har { $n }
goals-band-ends-hint = skriv `band: [fra, til]`, f.eks. `band: ["95 %", "105 %"]`
goals-band-reversed = den første grensen i målområdet er høyere enn den andre
goals-band-reversed-hint = skriv den laveste grensen først
goals-band-end-not-a-number = grensen «{ $end }» i målområdet: { $problem }
goals-no-status-columns = tabell `{ $table }` mangler kolonnene `resultat` og `maltall`, som trengs for å se om indikatoren har nådd målet
goals-no-status-columns-hint = bruk `kind: indicators`, eller gi kolonnene nøklene `maltall` og `resultat` i `columns:`
goals-what-id = navnet tiltakene bruker på målet, f.eks. p1
goals-what-title = målet slik plandokumentet formulerer det
goals-what-after = kapittelfilen som måloversikten skal stå etter
goals-what-row = navnet på indikatorens rad i tabellen
goals-expected-serves = id-en til et mål eller en liste med id-er, f.eks. `serves: [p1, mal3]`
goals-coverage = mål som et tiltak eller en indikator bidrar til: { $parts }
goals-coverage-priorities = { $served } av { $all } { $all ->
    [one] hovedprioritering
   *[other] hovedprioriteringer
}
goals-coverage-city-goals = { $served } av { $all } byrådsmål
goals-coverage-approaches = { $served } av { $all } hovedgrep
goals-indicator-statuses = resultatindikatorer: { $met } nådd, { $not_met } ikke nådd, { $not_measured } ikke målt
goals-not-reported-but-served = { $goal } «{ $id }» har `not_reported:`, men et tiltak eller en indikator i rapporten bidrar til målet
goals-remove-not-reported = ta bort `not_reported:`
goals-uncovered = ingen tiltak eller indikatorer i rapporten bidrar til { $goal } «{ $id }» ({ $title })
goals-uncovered-label = ingenting bidrar til dette målet
goals-uncovered-hint = skriv `serves: [{ $id }]` på tiltakene eller indikatorene som arbeider mot målet, eller forklar med `not_reported:` hvorfor rapporten ikke omtaler det
charts-what-table = id-en til tabellen diagrammet skal vise
charts-unknown-table = ingen tabell har id-en «{ $id }»
charts-unknown-table-label = ukjent tabell
charts-did-you-mean = mente du «{ $best }»?
charts-no-rows = diagrammet for tabell `{ $table }` viser ingen tall: det har ingen rader
charts-no-rows-hint = skriv radene diagrammet skal vise under `rows:`
charts-no-columns = diagrammet for tabell `{ $table }` viser ingen tall: det har ingen kolonner
charts-no-columns-hint = skriv kolonnene diagrammet skal vise under `columns:`
charts-empty-chart = tomt diagram
charts-bar-one-series = et søylediagram viser én tallrekke; dette har { $series }
charts-bar-one-series-hint = skriv `kind: grouped_bar` (gruppert søylediagram), eller velg én kolonne (eller én rad med `series: rows`)
charts-line-two-points = et linjediagram trenger minst to punkter
charts-line-two-points-hint = velg minst to rader (eller to kolonner med `series: rows`), eller skriv `kind: bar`
charts-wrong-kind = feil diagramtype
charts-cell-not-available = «*» (ikke tilgjengelig), ikke et tall
charts-cell-text = teksten «{ $text }», ikke et tall
charts-cell-nothing = ingenting
charts-cell-not-a-figure = diagrammet viser cellen «{ $row }» × «{ $column }» i tabell `{ $table }`, men den inneholder { $what }
charts-this-chart-s-table = tabellen diagrammet viser
charts-cell-not-a-figure-hint = ta raden eller kolonnen ut av `rows:`/`columns:`, eller fyll inn tallet
charts-this-cell = denne cellen
charts-mixed-units = diagrammet blander prosenter og beløp fra tabell `{ $table }`
charts-mixed-units-label = én akse, én enhet
charts-mixed-units-hint = vis prosentene og beløpene i to diagrammer
charts-group-row = «{ $row }» er en gruppeoverskrift i tabell `{ $table }` og har ingen tall
charts-group-row-label = gruppeoverskrift
charts-no-row = tabell `{ $table }` har ingen rad «{ $row }»
charts-unknown-row = ukjent rad
charts-row-ambiguous = «{ $row }» passer på flere rader i tabell `{ $table }`
charts-ambiguous = flere treff
charts-write-the-full-label = skriv hele radnavnet
charts-label-column = «{ $column }» er kolonnen med radnavn i tabell `{ $table }`
charts-label-column-label = radnavn, ikke tall
charts-label-column-hint = radnavnene blir navn på søylene; velg kolonner med tall her
charts-no-column = tabell `{ $table }` har ingen kolonne «{ $column }»
charts-unknown-column = ukjent kolonne
charts-its-columns-are = kolonnene er: { $list }

# --- templates (the user's own templates) ---
render-template-errors = { $count ->
    [one] 1 feil i malene:
   *[other] { $count } feil i malene:
}
    { $list }
render-could-not-read = kunne ikke lese { $path }: { $reason }
render-template-not-utf8 = malen er ikke lagret som UTF-8
render-save-as-utf8 = lagre filen som UTF-8
render-template-variables-listed = variablene malene kan bruke, står i docs/html.md
read-expected-renamed-rows = radene som har fått nytt navn, som {"{"}årets rad: fjorårets rad{"}"}

# --- template warnings ---
render-template-warnings = { $count ->
    [one] 1 advarsel fra malene (PDF-en ble laget likevel):
   *[other] { $count } advarsler fra malene (PDF-en ble laget likevel):
}
    { $list }
