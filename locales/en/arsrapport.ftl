# Message catalogue of arsrapport, English (`--lang en`).
# Every message is also in ../nb/arsrapport.ftl with the same id and the same variables;
# build.rs refuses to build otherwise. See ../README.md.

## Words of the output (diag/human.rs, diag/github.rs)

word-error = error
word-warning = warning
word-note = note
word-help = help
word-bug = bug
human-likely-cause = likely cause, { $group }
human-group = group { $n }
human-likely-wrong-label = likely wrong: { $suggested } would fit
human-cause-note = { $relations ->
    [one] the { $relations } finding of { $group } follows; correcting this figure resolves it
   *[other] the { $relations } findings of { $group } follow; correcting this figure resolves them all
}
human-acknowledged = acknowledged: { $message }
human-in-table = table `{ $table }`
human-in-row = row «{ $row }»
human-in-column = column { $column }
human-in = in { $place }
human-formula = formula: { $formula }
human-expected-found = expected { $expected }, found { $found }
human-expected-found-difference = expected { $expected }, found { $found } (difference { $difference })
human-expected = expected { $expected }
human-found = found { $found }
human-note = note: { $note }
human-hint = help: { $hint }
human-acknowledged-reason = acknowledged in the report: { $reason }
human-part-of-group = part of group { $n }: see the likely cause above
github-likely-cause = likely cause
github-acknowledged = acknowledged: { $reason }

## The likely cause behind a group of findings (diag/mod.rs)

cause-all = { $n ->
    [1] the finding below
    [2] both findings below
   *[other] all { $n } findings below
}
cause-one = likely wrong: { $place } «{ $found }»; { $suggested } satisfies { $all }
cause-many = { $count } figures explain { $all } equally well: { $cells }
cause-cell = «{ $found }» in row «{ $row }» of `{ $table }` (→ { $suggested })
cause-or = , or{" "}

## The summary

count-files = { $n ->
    [one] 1 file
   *[other] { $n } files
}
count-tables = { $n ->
    [one] 1 table
   *[other] { $n } tables
}
count-cells = { $n ->
    [one] 1 cell
   *[other] { $n } cells
}
count-errors = { $n ->
    [one] 1 error
   *[other] { $n } errors
}
count-warnings = { $n ->
    [one] 1 warning
   *[other] { $n } warnings
}
count-notes = { $n ->
    [one] 1 note
   *[other] { $n } notes
}
summary = checked { $files }, { $tables }, { $cells }: { $errors }, { $warnings }, { $notes }
summary-acknowledged = { $text } ({ $n } acknowledged)

## The rules (`arsrapport rules`)

rule-ar001 = a file could not be read
rule-ar002 = a YAML file is not valid YAML
rule-ar003 = a YAML file does not follow the source format
rule-ar004 = a CSV file cannot be read
rule-ar005 = a path leaves the report folder or does not exist
rule-ar006 = a file's characters can be read in exactly one way
rule-ar007 = nesting and sizes stay within what the report can hold
rule-ar101 = a derived column equals its formula
rule-ar102 = a sum row equals the sum of its rows
rule-ar103 = a figure copied to another table is identical there
rule-ar104 = a >= or <= relation between tables holds
rule-ar105 = shares add up to their total
rule-ar106 = indicator avvik = resultat - måltall
rule-ar107 = a rule's arithmetic stays within exact figures (no overflow, no division by zero)
rule-ar201 = a KOSTRA function code is valid for the report year
rule-ar202 = a KOSTRA function code has been replaced
rule-ar301 = a cell that should hold a figure can be read as one
rule-ar302 = every row has as many cells as the header
rule-ar303 = rules name rows, columns and tables that exist
rule-ar304 = every image has alternative text
rule-ar305 = inline markup is balanced and links go to allowed targets
rule-ar306 = ids of tables and sections are unique
rule-ar307 = every acknowledgement matches a finding
rule-ar308 = a row a rule or reference names is one row, not several
rule-ar309 = the output name is a plain file name
rule-ar310 = every character has a glyph in the embedded fonts
rule-ar311 = text and cells hold no control characters
rule-ar312 = an image file is what its extension says and can be decoded
rule-ar313 = empty columns and rows left by Excel are dropped
rule-ar314 = a column heading states the year its column holds
rule-ar315 = a sum row whose label states a range adds exactly that range
rule-ar401 = a reference in text names an existing table, row, column or fact
rule-ar402 = an expression in text can be evaluated
rule-ar403 = text refers to a declared fact instead of repeating its figure

## The command line: --help (cli/help.rs)

help-about = Report compiler for Norwegian municipal annual reports (årsberetning): checks every figure and table, renders PDF and HTML.
help-usage-heading = Usage:
help-options-heading = Options
help-arguments-heading = Arguments
help-commands-heading = Commands
help-flag-help = Print help
help-flag-version = Print version
help-command-help = Print the help of a command, e.g. `arsrapport help new`
help-arg-lang = Language of messages and help: nb (Norwegian bokmål, the default) or en (English). Also ARSRAPPORT_LANG=en
help-check = Check every table and every relation between tables; report each problem
help-build = Check, then render the report as PDF and as a static HTML site
help-rules = List the rules `check` applies, with their codes
help-new = Start a new report: write a complete starter report (a fictitious example with your district and year filled in) into a new folder
help-completions = Print a shell completion script (bash, zsh, fish, powershell, elvish)
help-arg-dirs = The report folders (each holds report.yaml). None: --workspace, else $ARSRAPPORT_DIR, else the folders arsrapport.yaml in the current folder lists, else report-data
help-arg-workspace = A workspace file listing report folders (reports: [bjerke, grorud])
help-arg-only = Report only these rules (codes like AR102 or names like sum-row; comma-separated)
help-arg-skip = Leave out these rules (codes or names; comma-separated)
help-arg-deny-warnings = Warnings fail the check too
help-arg-quiet = Leave out notes (e.g. rounding) from the output; they never fail
help-arg-color = Colours in the output: auto (when writing to a terminal), always or never (default: auto; also ARSRAPPORT_COLOR)
help-arg-format = Output format of the findings: human, json (schema in docs/check.md) or github (GitHub Actions annotations) (default: human)
help-arg-out = Output folder (default: out; also ARSRAPPORT_OUT)
help-arg-only-output = Which outputs to write: all (PDF and HTML), pdf or html (default: all)
help-arg-draft = Build even if `check` finds errors: a draft, every page marked "UTKAST"
help-arg-verify-pdf = Check the PDF against PDF/A-2a and PDF/UA-1 before publishing, and publish nothing if it fails (adds about a third to the build time; see docs/pdf.md) (also ARSRAPPORT_VERIFY_PDF=true)
help-arg-new-dir = The folder to create; it must not exist yet, or be empty
help-arg-district = The district (or other unit) the report is for, e.g. "Bydel Grorud"
help-arg-year = The year the report is about (the document is dated 1 March of the year after)
help-arg-organisation = The organisation the district belongs to (default: Oslo kommune)
help-arg-region = The KOSTRA region code, six digits (e.g. 030109 for Bydel Bjerke); optional
help-arg-shell = The shell to write the completion script for: bash, zsh, fish, powershell or elvish
help-examples-main =
    Examples:
      arsrapport new min-bydel --district "Bydel Grorud" --year 2025
      arsrapport check min-bydel            checks the report in the folder min-bydel
      arsrapport build min-bydel            writes its PDF and HTML site into out/
      arsrapport help new                   more about a command
      arsrapport --lang nb check            messages in Norwegian (the default)

    User guide (Norwegian): docs/brukerveiledning.md
help-examples-check =
    Examples:
      arsrapport check                      checks report-data/ (or $ARSRAPPORT_DIR)
      arsrapport check min-bydel            checks the report in the folder min-bydel
      arsrapport check . --only sum-row,AR103
      arsrapport check --format json > funn.json
help-examples-build =
    Examples:
      arsrapport build min-bydel            PDF and HTML site into out/
      arsrapport build min-bydel -o publisert --only-output pdf
      arsrapport build min-bydel --draft    builds despite errors, every page marked UTKAST
      arsrapport build --verify-pdf         also checks the PDF against PDF/A-2a and PDF/UA-1
help-examples-rules =
    Examples:
      arsrapport rules                      every rule: code, name, what it checks
      arsrapport rules | grep KOSTRA        the KOSTRA rules
help-examples-new =
    Examples:
      arsrapport new min-bydel --district "Bydel Grorud" --year 2025
      arsrapport new arsberetning-2025 --district "Bydel Bjerke" --year 2025 --region 030109
      arsrapport new rapport --district "Bydel Sentrum" --year 2025 --organisation "Bergen kommune"

    The folder must not exist yet (or be empty). Then `arsrapport check DIR` and
    `arsrapport build DIR`.
help-examples-completions =
    Examples:
      arsrapport completions bash > ~/.local/share/bash-completion/completions/arsrapport
      arsrapport completions zsh > ~/.zfunc/_arsrapport      (with fpath+=~/.zfunc in ~/.zshrc)
      arsrapport completions fish > ~/.config/fish/completions/arsrapport.fish
      arsrapport completions powershell >> $PROFILE

## The command line: messages (cli.rs)

cli-unknown-lang = «{ $lang }» is not a language arsrapport speaks: write nb (Norwegian bokmål) or en (English)
cli-error = error: { $message }
cli-unknown-rule = { $flag }: unknown rule «{ $rule }»; `arsrapport rules` lists them
cli-unknown-rule-suggest = { $flag }: unknown rule «{ $rule }» (did you mean `{ $best }`?); `arsrapport rules` lists them
cli-write-findings = error: could not write the findings: { $error }
cli-new-wrote = { "       " }Wrote a starter report for { $district } { $year } in { $dir } ({ $count } files)
cli-new-next =
    The text and the figures are a fictitious example: replace them with your own.
    Next:
      arsrapport check { $dir }
      arsrapport build { $dir }
