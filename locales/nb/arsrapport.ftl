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
