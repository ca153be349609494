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
rule-ar008 = a workbook table names a sheet and range that can be read
rule-ar316 = a chart names a table, rows and columns that exist and hold figures
rule-ar317 = a workbook cell holds a value: a formula's saved result, not an error such as #DIV/0!
rule-ar501 = a goal that a measure, indicator or list item serves is declared in report.yaml
rule-ar502 = goals, their overview and indicator directions are declared completely and once
rule-ar503 = every priority and city goal is served by a measure or indicator of the report
rule-ar701 = the report's templates compile and render (found by `build` and `watch`)
rule-ar702 = Typst has no warning about the report's templates (found by `build` and `watch`)
rule-ar601 = no cell still waits for figures (`?`, left by roll-forward)
rule-ar602 = no paragraph is word for word last year's, unless marked unchanged
rule-ar603 = a figure about an earlier year is the one last year's report published
rule-ar604 = a table or row with earlier years' figures pairs with last year's report
rule-ar605 = the report named in `previous:` can be read

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

## YAML files (load/yaml.rs, load/yaml_syntax.rs)

yaml-expected-what-found = expected { $what }, found { $found }
yaml-expected-what = expected { $what }
yaml-duplicate-key-k-this-map = duplicate key `{ $k }`: this map already has it
yaml-second-time = second time
yaml-a-key-may-appear-once = a key may appear once in a map: remove one of them, or merge what they say
yaml-a-key-must-be-a = a key must be a text, this one is { $kind }
yaml-not-a-text = not a text
yaml-write-the-key-as-plain = write the key as plain text followed by `: `
yaml-yaml-tags-such-as-are = YAML tags such as `{ $tag }{ $suffix }` are not used in this format
yaml-a-tag = a tag
yaml-remove-the-tag-if-the = remove the tag; if the text starts with `!`, put it in quotes
yaml-lists-and-maps-are-nested = lists and maps are nested more than { $max } levels deep here
yaml-too-deep = too deep
yaml-a-report-needs-far-less = a report needs far less nesting: check the indentation, or split the text into sections
yaml-this-alias-refers-to-the = this alias refers to the list or map it is written in
yaml-refers-to-itself = refers to itself
yaml-an-alias-name-repeats-a = an alias (`*name`) repeats a value anchored earlier with `&name`; it cannot repeat its own container
yaml-aliases-name-copy-more-than = aliases (`*name`) copy more than { $max } values into this file
yaml-too-many-copies = too many copies
yaml-write-the-repeated-values-out = write the repeated values out, or use fewer nested aliases
yaml-a-second-yaml-document-starts = a second YAML document starts here; a file holds one document
yaml-second-document = second document
yaml-remove-the-line-and-what = remove the `---` line (and what follows it, or move it into the first document)
yaml-this-key-has-no-value = this key has no value
yaml-no-value = no value
yaml-write-key-value = write `key: value`
yaml-written-is-read-as-a = `{ $written }` is read as a YAML alias, but no value is anchored with that name
yaml-unknown-alias = unknown alias
yaml-if-you-mean-the-text = if you mean the text «{ $written }», put it in quotes: "{ $written }"; an alias `*name` repeats a value marked `&name` earlier in the same file
yaml-lists-and-maps-are-nested-2 = lists and maps are nested too deep here
yaml-too-deep-2 = too deep
yaml-a-report-needs-far-less-2 = a report needs far less nesting: check the brackets and the indentation
yaml-kind-text = a text
yaml-kind-list = a list
yaml-kind-map = a map
yaml-kind-nothing = nothing
yaml-syntax-tab = a tab character is used for indentation; YAML files are indented with spaces
yaml-syntax-tab-label = a tab
yaml-syntax-tab-hint = replace the tab with spaces (two per level); many editors can show tabs and convert them
yaml-syntax-indentation = the indentation does not match here: this line does not line up with the keys it belongs to
yaml-syntax-indentation-label = the indentation is off here
yaml-syntax-indentation-hint = indent the line with as many spaces as the keys it belongs to; a text that goes on over several lines must be indented further than its key
yaml-syntax-colon-in-text = a text holds a colon followed by a space («: »), which YAML reads as a new key; or the indentation is off
yaml-syntax-colon-in-text-label = read as the start of a key
yaml-syntax-colon-in-text-hint = put the text in quotes, e.g. p: "Merk: dette gjelder 2024", or check the indentation of the line
yaml-syntax-missing-colon = a colon is missing after a key
yaml-syntax-missing-colon-label = key without colon
yaml-syntax-missing-colon-hint = write the key, a colon and a space, then the value: title: Årsberetning 2024
yaml-syntax-unclosed-quote = a quote is opened but never closed
yaml-syntax-unclosed-quote-label = the text runs on from its opening quote to here
yaml-syntax-unclosed-quote-hint = end the text with the same quote it starts with (" or '); a quote inside the text is written '' within '…', or \" within "…"
yaml-syntax-unclosed-list = a list in square brackets [ … ] is not closed, or two of its items lack a comma between them
yaml-syntax-unclosed-list-label = expected a comma or ]
yaml-syntax-unclosed-list-hint = close the list with ], separate its items with commas, and put items that contain a comma in quotes
yaml-syntax-unclosed-braces = a map in curly braces {"{"} … {"}"} is not closed, or two of its entries lack a comma between them
yaml-syntax-unclosed-braces-label = expected a comma or {"}"}
yaml-syntax-unclosed-braces-hint = close it with {"}"} and separate the entries with commas
yaml-syntax-missing-value = a value is missing here, or it starts with a character that means something special in YAML
yaml-syntax-missing-value-label = expected a value
yaml-syntax-missing-value-hint = write the value after the colon; put a text that starts with one of * & ! [ {"{"} > | # @ % in quotes
yaml-syntax-special = a value starts with a character that means something special in YAML
yaml-syntax-special-label = special character
yaml-syntax-special-hint = put the text in quotes: "…"
yaml-syntax-escape = a backslash (\) in a text in double quotes starts a special character, and this one is unknown
yaml-syntax-escape-label = unknown \ sequence
yaml-syntax-escape-hint = use single quotes ('…') around the text, or write \\ for a backslash
yaml-syntax-other = this file cannot be read here: something in how it is written is off
yaml-syntax-other-label = the reading stopped here
yaml-syntax-other-hint = check the indentation, and put text that contains «: » or starts with a special character (* & ! [ {"{"} > | # @ %) in quotes
yaml-syntax-parser-said = the YAML reader said: { $info }

## The keys of the YAML files (load/read.rs, load/schema/)

read-expected-a-text = a text
read-expected-true-or-false = true or false
read-expected-a-whole-number-such-as = a whole number such as 2
read-expected-a-list = a list
read-expected-a-value = a value
read-expected-a-text-2 = a text
read-expected-a-keyword = a keyword
read-s-is-not-one-of = «{ $s }» is not one of { $list }
read-unknown-word = unknown word
read-did-you-mean-best = did you mean `{ $best }`?
read-missing-key-key-what = missing key `{ $key }` ({ $what })
read-this-map-needs-key = this map needs `{ $key }`
read-unknown-key-key = unknown key `{ $key }`
read-not-a-key-of-this = not a key of this map
read-did-you-mean-best-2 = did you mean `{ $best }`?
read-known-keys-here = known keys here: { $keys }
read-expected-a-block-a-map-with = a block (a map with one key: p, list, note, table …)
read-expected-a-list-item-a-text = a list item (a text, or a map with text and items)
read-expected-a-note-a-text-a = a note (a text, a list of paragraphs, or a map with title and text)
read-expected-a-goal-table-a-map = a goal table (a map with goals)
read-expected-a-goal-a-map-with = a goal (a map with goal and measures)
read-expected-a-measure-a-map-with = a measure (a map with measure and comment)
read-expected-a-checklist-a-map-with = a checklist (a map with items)
read-expected-a-row-a-map-with = a row (a map with question, answer, comment)
read-expected-a-figure-a-map-with = a figure (a map with file, alt, caption)
read-a-block-such-as-p = a block such as `- p: text`
read-write-a-paragraph-as-p = write a paragraph as `- p: Your text`
read-a-block-has-exactly-one = a block has exactly one key, this one has { $count }: { $keys }
read-is-the-indentation-right-options = is the indentation right? Options of a table or note go one level deeper, under `table:`
read-a-block-kind = a block kind
read-unknown-block-other = unknown block `{ $other }`
read-blocks-are = blocks are: { $blocks }
read-did-you-mean-best-3 = did you mean `{ $best }`?
read-the-item-s-text = the item's text
read-the-note-s-text = the note's text
read-the-list-of-goals = the list of goals
read-the-goal-s-text = the goal's text
read-the-measure-s-text = the measure's text
read-the-checklist-s-rows = the checklist's rows
read-the-question = the question
read-the-image-file = the image file
read-expected-a-chapter-or-section-a = a chapter or section (a map with title, blocks, sections)
read-expected-a-section-or-include-file = a section, or `include: file.yaml`
read-the-heading = the heading
read-the-file-with-the-section = the file with the section
read-expected-the-report-s-settings-a = the report's settings (a map)
read-the-report-s-title-e = the report's title, e.g. Årsberetning 2024
read-the-district-e-g-bydel = the district, e.g. Bydel Bjerke
read-e-g-oslo-kommune = e.g. Oslo kommune
read-the-reporting-year-e-g = the reporting year, e.g. 2024
read-the-document-date-yyyy-mm = the document date, YYYY-MM-DD
read-the-list-of-chapter-files = the list of chapter files
read-a-map-of-facts-name = a map of facts (name: value, or name: {"{"}value: …{"}"})
read-a-fact = a fact
read-the-fact-s-figure-e = the fact's figure, e.g. "89,4 %"
read-the-fact-has-no-value = the fact «{ $value }» has no value
read-write-its-figure-after-the = write its figure after the colon, e.g. `andel: "89,4 %"`
read-a-figure-or-a-map = a figure or a map with `value`
read-expected-a-table-a-map-with = a table (a map with id, file, kind …)
read-expected-a-column-key-or-key = a column key or {"{"}key, type{"}"}
read-expected-a-header-group-title-span = a header group {"{"}title, span{"}"}
read-expected-a-row-label-or-table = a row label or {"{"}table: …, row: …{"}"}
read-expected-a-sum-row-of-columns = a sum {"{"}row, of, columns{"}"}
read-expected-above-all-a-list-of = `above`, `all`, a list of rows or {"{"}from, to{"}"}
read-expected-a-link-to-rows-columns = a link {"{"}to, rows, columns, relation{"}"}
read-expected-same-or-a-map-this = `same` or a map {"{"}this row: that row{"}"}
read-expected-a-list-of-column-keys = a list of column keys or a map {"{"}this: that{"}"}
read-expected-a-total-columns-rows-equals = a total {"{"}columns | rows, equals{"}"}
read-expected-an-acknowledgement-rule-row-column = an acknowledgement {"{"}rule, row, column, reason{"}"}
read-the-table-s-id-unique = the table's id, unique in the report
read-the-csv-file = the CSV file or workbook
read-the-row-s-label = the row's label
read-the-sum-row = the sum row
read-the-first-row = the first row
read-the-last-row = the last row
read-to-add-named-rows-write = to add named rows, write them as a list: `of: [Row one, Row two]`
read-the-other-table-s-id = the other table's id
read-the-total-e-g = the total, e.g. 100
read-the-rule-s-code-or = the rule's code or name, e.g. sum-row
read-why-the-finding-is-accepted = why the finding is accepted
read-a-list-of = a list of { $items }
read-one-of = one of { $list }

## The checks of the figures (validate/)

val-this-acknowledgement-of-matches-no = this acknowledgement of `{ $rule }` matches no finding
val-the-figures-may-have-been = the figures may have been corrected: remove the acknowledgement, or check its rule, row and column
val-the-acknowledgement-names-the-row = the acknowledgement names the row «{ $row }», but table `{ $id }` has { $matches_len } rows it could mean
val-which-row = which row?
val-give-the-rows-different-labels = give the rows different labels in the CSV file, or write the whole label of the row you mean
val-not-checked = not checked
val-rule-declared-here = rule declared here
val-the-formula-needs-a-figure = the formula «{ $text }» needs a figure in every column it uses
val-if-the-figure-is-not = if the figure is not available, write `*` in the computed cell too, or leave it empty
val-printed-figures-are-rounded-one = printed figures are rounded one by one, so a derived figure may be off by one unit
val-for-percentages-the-avvik-is = for percentages the avvik is in percentage points
val-correct-the-figure-or-if = correct the figure, or if the published figure is right, acknowledge it in the table's YAML: `acknowledge: [{"{"}rule: { $rule }, row: "{ $row }", column: { $target }, reason: "…"{"}"}]`
val-rule-declared-here-2 = rule declared here
val-the-formula-computes-a-column = the formula «{ $text }» computes a column `{ $target }` that the table does not have
val-the-formula-uses-a-column = the formula «{ $text }» uses a column `{ $key }` that the table does not have
val-the-formula = the formula «{ $text }»
val-is-not-checked-in-this = `{ $target }` is not checked in this row: `{ $column }` is { $shown }
val-differs-from-its-formula-by = `{ $target }` differs from its formula by one unit: rounding
val-the-indicator-s-avvik-is = the indicator's avvik is not resultat − måltall{ $points }
val-does-not-equal-formula = `{ $target }` does not equal { $formula }
val-function-code = function code
val-a-is-paired-with-b = «{ $a }» is paired with «{ $b }» in `{ $to }`: the labels differ only in case, spacing or a footnote mark
val-paired-by-label = paired by label
val-paired-with-this-row = paired with this row
val-write-the-labels-alike-or = write the labels alike, or pair the rows explicitly with `rows: {"{"}this row: that row{"}"}`
val-there-is-no-column-a = there is no column `{ $a }` in this table
val-table-has-no-column-b = table `{ $to }` has no column `{ $b }`
val-a-transferred-figure-is-a = a transferred figure is a copy and must be identical; rounding does not apply
val-correct-one-of-the-two = correct one of the two, or acknowledge it: `{"{"}rule: { $rule }, row: "{ $row }", column: { $column }, reason: "…"{"}"}`
val-the-link-to = the link to `{ $to }`
val-row-of-is-not-available = row «{ $row }» of `{ $table }` is `*` (not available)
val-the-figure-is-transferred-to = the figure is transferred to `{ $to }` («{ $other_row }»), but the two differ
val-this-figure-should-be-the = this figure should be { $relation } the one in `{ $to }` («{ $other_row }»)
val-there-is-no-table-with = there is no table with id «{ $id }»
val-the-rule = the rule
val-who-names-the-row-label = { $who } names the row «{ $label }», but table `{ $id }` has { $rows_len } rows it could mean
val-which-row-2 = which row?
val-give-the-rows-different-labels-2 = give the rows different labels in the CSV file, or write the whole label of the row you mean
val-rule-declared-here-3 = rule declared here
val-cannot-be-computed = cannot be computed
val-rule-declared-here-4 = rule declared here
val-there-is-no-column-k = there is no column `{ $k }`
val-did-you-mean-b = did you mean `{ $b }`?
val-did-you-mean-b-2 = did you mean «{ $b }»?
val-table-has-no-row-label = table `{ $table }` has no row «{ $label }»
val-row-has-cells-but-the = row «{ $row }» has { $cell_spans_len } cells, but the header has { $columns_len }
val-text-in-row-column-is = «{ $text }» in row «{ $row }», column `{ $key }`, is not a figure
val-what-cannot-be-checked = { $what } cannot be checked: { $why }
val-the-table-s-column-keys = the table's column keys are: { $keys }
val-not-checked-2 = not checked
val-the-label-states-want-but = the label states { $want }, but the part «{ $part }» states no age range
val-the-label-states-want-but-2 = the label states { $want }, but the parts overlap at { $from } år
val-the-label-states-want-but-3 = the label states { $want }, but the parts leave out { $missing }
val-the-label-states-want-but-4 = the label states { $want }, but the parts overlap from { $from } år
val-the-label-states-want-but-5 = the label states { $want }, but its parts add { $covered }
val-rows-numbers-under-the-header = rows { $numbers } under the header match: { $labels }
val-a-range-must-run-downwards = a range must run downwards within the same table
val-the-sum-row-must-be = the sum row «{ $row }» must be a row of this table
val-the-sum-has-no-rows = the sum «{ $row }» has no rows to add
val-the-sum-row-label-does = the sum row «{ $label }» does not add the rows its label names: { $problem }
val-the-label = the label
val-parts-declared-here = parts declared here
val-declare-the-sum-as-its = declare the sum as its label says (`of: {"{"}from: …, to: …{"}"}`); if the published figures disagree, acknowledge the sum-row finding with its reason
val-adds = adds { $rows }
val-printed-figures-are-rounded-one-2 = printed figures are rounded one by one; a sum of { $n } rows may differ by up to { $units } units
val-check-the-rows-and-the = check the rows and the sum; if the published figure is right, acknowledge it: `{"{"}rule: sum-row, row: "{ $row }", column: { $key }, reason: "…"{"}"}`
val-sum-declared-here = sum declared here
val-the-sum-adds-rows-of = the sum adds rows of table `{ $table }`, which has no column `{ $key }`
val-the-sum-label = the sum «{ $label }»
val-the-sum-in-column-key = the sum in column `{ $key }`
val-row-is-not-available = row «{ $row }» is `*` (not available)
val-the-sum-in-column-key-2 = the sum in column `{ $key }`
val-the-sum-differs-from-its = the sum differs from its { $n } rows by { $difference }: rounding
val-the-sum-row-does-not = the sum row does not equal the sum of its { $n } rows
val-name-another-table-s-rows = name another table's rows among the parts: `of: [{"{"}table: …, row: …{"}"}]`
val-limit-the-sum-to-the = limit the sum to the shared columns with `columns: […]`
val-no-share = no share
val-total-declared-here = total declared here
val-the-shares-are-added-only = the shares are added only when every one of them is a figure (a dash is 0)
val-total-declared-here-2 = total declared here
val-the-total-is-not-checked = the total is not checked here: row «{ $row }», column `{ $column }` has no share
val-the-shares-add-up-to = the shares add up to { $sum }, not { $total }: rounding
val-the-shares-should-add-up = the shares should add up to { $total }, but add up to { $sum }
val-the-total = the total
val-the-total-of-the-shares = the total of the shares
val-the-heading-states-shown-but = the heading «{ $header }» states { $shown }, but the column holds { $holds }
val-stale-year = stale year?
val-correct-the-year-in-the = correct the year in the heading (in the CSV file's first line), e.g. after copying last year's table
val-the-report-year-year = the report year, { $year }
val-the-year-before-the-report = the year before the report, { $year_before }
val-a-year-before-year = a year before { $year }
val-the-start-of-the-report = the start of the report year ({ $year_before } or { $year })
val-the-end-of-the-report = the end of the report year ({ $year } or { $year_after })
val-year-or-earlier = { $year } or earlier
valz-once-fixed = the rule is checked once the cell holds a figure
valz-cells-missing-or-extra = cells missing or extra
valz-not-a-figure = not a figure
valz-a-rule-can-only-use-figures = a rule can only use figures, and this column holds text
valz-the-link-rows-same = the link (`rows: same`)
valz-not-available = not available
valz-not-available-cannot-be-compared = a figure that is not available cannot be compared
valz-at-least = at least
valz-at-most = at most
valz-sum-not-available = a sum of rows of which one is not available cannot be compared with the printed sum
valz-too-large = is too large to compute exactly
valz-divides-by-zero = divides by zero
valz-too-large-hint = figures are computed exactly up to 79 228 162 514 264 337 593 543 950 335; look for a figure typed with too many digits
valz-divides-by-zero-hint = the formula divides by a figure that is 0 (or `-`) in this row; correct the figure, or leave the computed cell empty where the formula has no value
valz-empty = empty
valz-in-points = { " " }(in percentage points)

## Figures in text (refs/)

refs-feil = [feil: { $message }]
refs-the-text-writes-out-printed = the text writes out { $printed }, the figure of the fact «{ $name }»
refs-the-fact-s-figure-written = the fact's figure, written out
refs-write-instead-so-the-figure = write `{ $reference }` instead, so the figure is stated once, in report.yaml
refs-the-facts-have-this-figure = the facts «{ $names }» have this figure
refs-if-this-is-another-quantity = if this is another quantity that happens to be equal, skip the rule with `--skip literal-figure`
refs-the-fact-is-declared-here = the fact is declared here
refs-filter-is-for-amounts-but = `{ $filter }` is for amounts, but { $figure } is a percentage
refs-mill-needs-to-know-the = `mill` needs to know the unit of { $figure }: it has none (give the fact `unit: 1000 kr` or `unit: kr`)
refs-mill-works-on-amounts-in = `mill` works on amounts in kroner, but the unit of { $figure } is «{ $unit }»
refs-is-too-large-to-compute = { $figure } is too large to compute in millions
refs-the-avvik-is-neither-merforbruk = the avvik is { $figure }: neither merforbruk nor mindreforbruk (write the sentence without `forbruk`)

## Files, CSV tables, encodings, figures and text (load/, paths.rs)

load-a-field-that-contains-the = a field that contains the delimiter or a line break must be enclosed in double quotes, and a quote inside it doubled ("")
load-this-csv-file-has-no = this CSV file has no header row
load-the-first-line-holds-the = the first line holds the column headings, separated by `;`
load-empty-row = empty row
load-excel-leaves-such-rows-when = Excel leaves such rows when cells were once used; delete the rows in Excel to get rid of this note
load-the-column-headings-are-read = the column headings are read from { $place }, the first line that is not empty
load-empty-column-starts-here = empty column starts here
load-excel-writes-such-columns-when = Excel writes such columns (`;;;`) when cells to the right of the table were once used; delete those columns in Excel to get rid of this note
load-column-has-no-heading-but = column { $column } has no heading, but it holds data ({ $place }: «{ $value }»)
load-empty-heading = empty heading
load-write-the-column-s-heading = write the column's heading in the first line; only the first column (the row labels) may have an empty heading
load-this-csv-file-cannot-be = this CSV file cannot be read: { $e }
load-n-empty-rows-every-cell = { $n } empty rows (every cell empty) were left out of the table
load-the-last-n-columns-have = the last { $n } columns have no heading and no figures; they were left out of the table
load-the-file-is-not-valid = the file is not valid text
load-an-empty-row-every-cell = an empty row (every cell empty) was left out of the table
load-the-last-column-has-no = the last column has no heading and no figures; it was left out of the table
load-name-is-not-what = «{ $name }» is { $found }, not { $what }
load-name-looks-like-utf-text = «{ $name }» looks like UTF-16 text without a byte order mark, which cannot be read with certainty
load-save-it-again-as-utf = save it again as UTF-8 ({ $save_as })
load-name-is-utf-text-but = «{ $name }» is UTF-16 text, but it is broken at byte { $offset } (half a character)
load-save-it-again-as-utf-2 = save it again as UTF-8 ({ $save_as })
load-name-is-not-utf-and = «{ $name }» is not UTF-8 and holds the control byte 0x{ $b }: it does not look like a text file
load-this-byte = this byte
load-save-it-again-as-utf-3 = save it again as UTF-8 ({ $save_as })
load-name-mixes-two-encodings-byte = «{ $name }» mixes two encodings: byte 0x{ $byte } is not UTF-8{ $meant }, but other characters are written in UTF-8
load-not-utf = not UTF-8
load-probably-this-line-was-copied = probably this line was copied from a file saved as Windows-1252 (Latin-1, «ANSI»); reading the file either way would print some letters wrongly, e.g. «SÃ¦rskilt»
load-retype-the-marked-characters-then = retype the marked characters, then save the file again as UTF-8 ({ $save_as })
load-in-windows-it-would-be = { " " }(in Windows-1252 it would be «{ $c }»)
load-utf-char-is-utf = «{ $utf8_char }» is UTF-8
load-open-it-in-excel-and = open it in Excel and save the sheet as «CSV (semikolonseparert)» (*.csv), then name that file here
load-copy-the-text-into-the = copy the text into the chapter's YAML file; see docs/format.md
load-an-image-belongs-in-a = an image belongs in a `figure:` block (PNG, JPEG or SVG), not here
load-the-path-rel-problem = the path «{ $rel }» { $problem }
load-not-allowed = not allowed
load-paths-are-relative-to-the = paths are relative to the report folder and may not use `..` or start with `/`
load-the-file-rel-does-not = the file «{ $rel }» does not exist
load-no-such-file-in-the = no such file in the report folder
load-did-you-mean-best = did you mean «{ $best }»?
load-the-path-rel-leads-out = the path «{ $rel }» leads out of the report folder
load-copy-the-file-into-the = copy the file into the report folder
load-could-not-read-rel = could not read «{ $rel }»: { $reason }
load-could-not-read = could not read { $path }: { $reason }
load-the-folder-does-not-exist = the folder { $root } does not exist
load-the-file-does-not-exist = the file does not exist
load-permission-denied = permission denied
load-named-here = named here
load-a-report-folder-holds-a = a report folder holds a report.yaml; start one with `arsrapport new DIR --district "Bydel …" --year 2025`, or see docs/format.md
load-includes-itself = «{ $value }» includes itself
load-a-file-cannot-include-itself = a file cannot include itself, directly or through other files
load-includes-are-nested-more-than = includes are nested more than { $max } files deep here
load-include-the-section-files-from = include the section files from the chapter file instead of from each other
load-rename-the-file-to-end = rename the file to end in .{ $extension }
load-export-the-picture-as-png = export the picture as PNG or JPEG (or SVG for drawings) and name that file
load-copy-the-image-file-again = copy the image file again; this one has no content
load-open-the-image-in-an = open the image in an image editor and save it again (or export it anew)
load-original-has-a-sign-but = «{ $original }» has a sign but no digits
load-original-has-a-thousands-separator = «{ $original }» has a thousands separator in the wrong place (groups of three digits expected)
load-original-has-a-thousands-separator-2 = «{ $original }» has a thousands separator in the wrong place (groups of three digits expected)
load-is-too-large-the-largest = «{ $figure }» is too large: the largest figure that can be checked exactly is 79 228 162 514 264 337 593 543 950 335 (29 digits)
load-has-more-digits-than-can = «{ $figure }» has more digits than can be kept exactly (at most 28 digits in all, and at most 28 after the comma); it would have to be rounded
load-text-is-not-a-figure = «{ $text }» is not a figure
load-this-text-holds-an-invisible = this text holds an invisible { $character }, which the PDF and the web page cannot show
load-the-pdf-s-fonts-have = the PDF's fonts have no glyph for «{ $c }» (U+{ $code }); it would print as an empty box
load-this-formula-is-nested-too = this formula is nested too deeply (more than { $max } levels of brackets, signs and operations)
load-text-is-not-a-formula = «{ $text }» is not a formula of the form `avvik = regulert - regnskap`
load-target-is-not-a-column = «{ $target }» is not a column key (lower case letters, digits and _)
load-s-is-not-a-number = «{ $s }» is not a number
load-s-is-too-large-to = «{ $s }» is too large to compute exactly
load-s-has-more-digits-than = «{ $s }» has more digits than can be kept exactly
load-unexpected-c-in-formula = unexpected «{ $c }» in formula
load-unexpected-t-in-formula = unexpected { $t } in formula
load-emphasis-links-and-footnotes-are = emphasis, links and footnotes are nested more than { $max } levels deep here
load-links-may-not-go-to = links may not go to «{ $url }»
load-and-more-problems-with-markup = and { $dropped_errors } more problems with markup in this text
load-write-the-text-with-less = write the text with less nesting; a footnote inside a link inside bold text is already three levels
load-this-expression-is-never-closed = this expression `{"{"}{"{"}` is never closed
load-end-the-expression-with-or = end the expression with `{"}"}{"}"}`, or write `\{"{"}{"{"}` for literal braces
load-this-footnote-is-never-closed = this footnote `^[` is never closed
load-end-the-footnote-with-or = end the footnote with `]`, or write `\^` for a literal ^
load-links-may-go-to-https = links may go to https://, http://, mailto: or #anchor inside the report
load-this-text-is-longer-than = this text is longer than 4 GB
load-split-it-into-paragraphs = split it into paragraphs
load-fix-the-problems-above-first = fix the problems above first
load-the-output-name-name-is = the output name «{ $name }» is not a plain file name: { $problem }
load-not-a-plain-file-name = not a plain file name
load-build-writes-the-pdf-as = `build` writes the PDF as <output folder>/<output_name>.pdf
load-use-letters-digits-and-only = use letters, digits, `-`, `_` and `.` only, e.g. `arsberetning-2024-bydel-bjerke`; or leave `output_name` out to get a name made from the title and district
load-must-stay-inside-the-report = must stay inside the report folder
load-copy-the-templates-and-the = copy the templates (and the files they use) into the report folder instead of linking to them
load-a-control-character-code = a control character ({ $code })
load-a-space-like-character-code = a space-like character ({ $code })
load-the-character-c-code = the character «{ $c }» ({ $code })
load-the-template-folder-written-leads = the template folder «{ $written }» leads out of the report folder: { $problem }
load-the-template-folder-written-cannot = the template folder «{ $written }» cannot be checked: { $problem }
load-leads-to-outside = { $path } leads to { $real }, outside { $real_root }
load-could-not-be-read-e = { $p } could not be read: { $e }
load-holds-more-than-max-entries = { $folder } holds more than { $max_entries } entries or folders more than { $max } deep

## More messages on files, figures and dates

load2-a-is-not-closed = a `(` is not closed
load2-the-formula-ends-too-early = the formula ends too early
load2-unexpected-text-after-the-formula = unexpected text after the formula
load2-is-empty = is empty
load2-a-pdf = a PDF
load2-an-office-document-or-a = an Office document or a ZIP archive
load2-a-tiff-image-which-the = a TIFF image, which the PDF cannot hold
load2-a-bmp-image-which-the = a BMP image, which the PDF cannot hold
load2-a-heic-photo-from-an = a HEIC photo (from an iPhone), which the PDF cannot hold
load2-text = text
load3-leaves-the-report-folder = leaves the report folder
load3-too-large = too large
load3-too-many-decimals = too many decimals
load3-excel-workbook = an Excel workbook (.xlsx)
load3-ods = a LibreOffice Calc spreadsheet (.ods)
load3-docx = a Word document (.docx)
load3-xls = an old Excel workbook (.xls) or another old Office file
load3-zip = a ZIP archive
load3-image = an image
load3-gzip = a compressed (gzip) file
load3-binary = a binary file, not text
load3-save-as-csv = in Excel: File → Save As → «CSV UTF-8 (kommadelt)» or «CSV (semikolonseparert)»
load3-save-as-text = in your editor: save the file with the encoding «UTF-8»
load3-a-csv-file = a CSV file
load3-a-text-file = a text (YAML) file
load3-mixed-utf8 = byte { $offset } 0x{ $byte } is not UTF-8, but the rest of the file is UTF-8
load3-this-is = this is { $what }
load3-utf16-without-bom = UTF-16 text without a byte order mark
load3-broken-utf16 = broken UTF-16 at byte { $offset }
load3-control-byte = byte { $offset } 0x{ $byte } is a control byte, not text
load3-date-format = a date is written YYYY-MM-DD, e.g. 2025-03-01
load3-date-year = the year «{ $year }» is not a year of four digits
load3-date-month = there is no month { $month } (months are 1–12)
load3-date-day = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year } has { $days } days, so there is no day { $day }

## Putting the report together (lower/)

low-lists-are-nested-more-than = lists are nested more than { $max } levels deep here
low-too-deep = too deep
low-split-the-list-or-write = split the list, or write the deepest items as text in their parent item
low-an-answer-column-without-a = an answer column without a name
low-empty = empty
low-write-the-answer-as-the = write the answer as the form prints it, e.g. `Ja`
low-the-answer-label-is-listed = the answer «{ $label }» is listed twice
low-second-time = second time
low-each-answer-is-one-column = each answer is one column: list it once
low-a-checklist-needs-at-least = a checklist needs at least one answer column
low-no-answers = no answers
low-leave-answers-out-for-ja = leave `answers:` out for «Ja», «Delvis», «Nei», or list yours: `answers: [Ja, Nei]`
low-is-not-one-of-this = «{ $answer }» is not one of this checklist's answers: { $list }
low-unknown-answer = unknown answer
low-did-you-mean-best = did you mean `{ $best }`?
low-write-one-of-the-answers = write one of the answers, or add this one to the checklist's `answers:` list (each answer is a column of the form)
low-this-image-has-no-alternative = this image has no alternative text
low-add-alt = add `alt:`
low-describe-what-the-image-shows = describe what the image shows in one or two sentences: readers with screen readers and PDF/UA need it
low-rel-is-not-a-png = «{ $rel }» is not a PNG, JPEG, GIF, WebP or SVG image
low-save-the-image-as-png = save the image as PNG, JPEG or SVG and name the file with that extension
low-rel-problem = «{ $rel }»: { $problem }
low-this-file = this file
low-sections-are-nested-more-than = sections are nested more than { $max } levels below the chapter here
low-too-deep-2 = too deep
low-a-report-s-headings-go = a report's headings go at most six levels deep: make this a `heading:` block, or move the section up a level
low-the-link-goes-to-target = the link goes to «#{ $target }», but the report has no chapter, section or table with that anchor
low-no-such-anchor = no such anchor
low-target-is-a-table-s = «{ $target }» is a table's id; a link to the table goes to its anchor «#{ $anchor }»
low-did-you-mean-best-2 = did you mean «#{ $best }»?
low-a-table-s-anchor-is = a table's anchor is `tabell-` and its number with dashes (tabell-0-1-b); a section's is its `id`, or `seksjon-` and its number (seksjon-3-2)
low-the-link-is-not-a = the link «{ $url }» is not a valid address
low-not-a-valid-address = not a valid address
low-is-not-a-date-problem = «{ $date }» is not a date: { $problem }
low-expected-a-real-date-written = expected a real date written YYYY-MM-DD
low-write-the-date-as-year = write the date as year-month-day, e.g. 2025-03-01
low-the-template-folder-rel-problem = the template folder «{ $rel }» { $problem }
low-templates-names-a-folder-inside = templates: names a folder inside the report folder, e.g. `templates: maler`
low-code-is-not-a-kostra = «{ $code }» is not a KOSTRA region code
low-expected-six-digits-e-g = expected six digits, e.g. 030109
low-oslo-s-districts-are-bydel = Oslo's districts are 030101–030115 (Bydel Bjerke is 030109); a municipality has four digits, e.g. 0301
low-is-not-a-year = «{ $year }» is not a year
low-expected-a-year-such-as = expected a year such as 2024
low-the-fact-name = the fact «{ $name }»: { $problem }
low-the-id-id-is-used = the id «{ $id }» is used twice
low-second-use = second use
low-ids-of-chapters-sections-and = ids of chapters, sections and tables must be unique in the report
low-first-use = first use
low-here = here
low-a-header-group-spans-at = a header group spans at least one column
low-columns = 0 columns
low-the-header-groups-span-columns = the header groups span { $spanned } columns, but the table has { $ncols }
low-this-row-has-cells-the = this row has { $fields_len } cells, the header has { $ncols }
low-every-row-needs-one-cell = every row needs one cell per column; an empty cell is written as nothing between two `;`
low-write-figures-as-or-for = write figures as 1 714 058, −50 136, 89,4 % or 4,7; `-` for zero, `*` for not available; or give the column `type: text`
low-a-table-has-columns-but = a `{ $kind }` table has { $preset_len } columns, but «{ $rel }» has { $ncols }
low-expected-columns = expected columns: { $columns }
low-use-kind-generic-and-declare = use kind `generic` and declare the rules, or name the columns with `columns:`
low-columns-names-columns-but-rel = `columns` names { $value_len } columns, but «{ $rel }» has { $ncols }
low-name-one-entry-per-column = name one entry per column of the file, in order
low-the-column-key-key-text = the column key `{ $key_text }` is declared twice
low-every-column-needs-its-own = every column needs its own key: rules and references name columns by key
low-first-time = first time
low-a-formula-names-a-column = a formula names a column key, `=`, and an expression of column keys with + - * / and ( )
low-is-not-a-number = «{ $number }» is not a number
low-expected-a-number-such-as = expected a number such as 100
low-a-total-needs-columns-add = a total needs `columns` (add across) or `rows` (add down)
low-unknown-rule-rule = unknown rule «{ $rule }»
low-arsrapport-rules-lists-every-rule = `arsrapport rules` lists every rule with its code and name
low-did-you-mean-best-3 = did you mean `{ $best }`?
low-an-acknowledgement-needs-a-reason = an acknowledgement needs a reason
low-say-why-the-published-figure = say why the published figure stays as it is

## Building, several reports, new report, KOSTRA (build, multi, new, kostra)

run-the-workspace-file-could-not = the workspace file { $file } could not be read: { $e }
run-the-report-folders = the report folders
run-the-workspace-lists-no-report = the workspace lists no report folders
run-an-empty-list = an empty list
run-list-the-report-folders-reports = list the report folders: `reports: [bjerke, grorud]`
run-an-empty-report-folder = an empty report folder
run-a-folder-name-is-needed = a folder name is needed here
run-a-second-report-of-this = a second report of this name
run-this-folder = this folder
run-two-report-folders-are-named = two report folders are named «{ $name }» ({ $key } and { $key2 }): each report is built into its own folder OUT/<folder name>, so their names must differ
run-the-report-folder-has-no = the report folder { $dir } has no name to build it under
run-reports-built-not-built-check = { $reports } reports: { $built } built, { $not_built } not built (check found errors), { $unreadable } unreadable, { $failed } failed to build
run-check-found-errors-error-s = `check` found { $errors } error(s); nothing published
run-the-build-failed-the-previous = the build failed, the previous output is unchanged: { $cause }
run-the-report-could-not-be = the report could not be read
run-error-could-not-write-the = error: could not write the findings: { $e }
run-error-not-building-check-found = error: not building: `check` found { $errors } error(s). Fix them, acknowledge them in the YAML with a reason, or build a draft with --draft.
run-warning-warning-the-new-output = warning: { $warning } (the new output is in place; the next build tidies up)
run-flag-is-empty-write-e = { $flag } is empty; write e.g. { $flag } "Bydel Grorud"
run-flag-value-use-letters-digits = { $flag } «{ $value }»: use letters, digits, spaces and - . ' ( ) / & only, starting with a letter or digit (you can write anything in report.yaml afterwards)
run-year-year-give-the-year = --year { $year }: give the year the report is about, between { $first } and { $last }
run-region-r-a-kostra-region = --region «{ $r }»: a KOSTRA region code is six digits, e.g. 030109 for Bydel Bjerke or 030100 for Oslo kommune
run-could-not-read = could not read «{ $dir }»
run-is-not-a-folder-name = «{ $dir }» is not a folder name
run-could-not-create-the-folder = could not create the folder «{ $parent }»
run-could-not-move-the-report = could not move the report into «{ $dir }»
run-could-not-create-a-folder = could not create a folder in «{ $parent }»
run-could-not-create = could not create «{ $folder }»
run-could-not-write = could not write «{ $target }»
run-already-exists-and-is-not = «{ $dir }» already exists and is not an empty folder; `new` writes only into a new or empty folder, so nothing was written. Choose another folder name
run-removing-the-previous-output-old = removing the previous output { $old }: { $e }
run-removing-the-stale-link-e = removing the stale link { $path }: { $e }
run-creating-the-output-folder = creating the output folder { $out }
run-opening-the-lock-file = opening the lock file { $path }
run-removing-what-a-stopped-build = removing what a stopped build left: { $path }
run-writing-to-disk = writing { $path } to disk
run-writing-to-disk-2 = writing { $dir } to disk
run-moving-the-old-aside = moving the old { $entry } aside
run-removing-the-old = removing the old { $entry }
run-creating-the-link = creating the link { $link }
run-withdrawing-the-old = withdrawing the old { $entry }
run-removing-the-old-2 = removing the old { $entry }
run-creating-the-link-2 = creating the link { $link }
run-for-another-build-into-to = {"     "}Waiting for another build into { $out } to finish
run-the-pdf-validator-failed = the PDF validator failed
run-the-pdf-could-not-be = the PDF could not be checked against { $profile }: { $e }
run-in-a-kostra-table-every = in a `kostra` table every row but the sum row starts with its three-digit function code and a space, e.g. «201 Barnehage»
run-digits-is-not-a-kostra = { $digits } is not a KOSTRA function code { $in_year }
run-digits-is-not-a-kostra-2 = { $digits } is not a KOSTRA function code { $in_year }: it is new from { $from }
run-digits-is-a-kostra-function = { $digits } is a KOSTRA function only { $users } use { $in_year }
run-a-row-that-keeps-a = a row that keeps a retired function for last year's figures can stay; acknowledge this warning with the reason
run-its-name-matches-the-row = its name matches the row
run-written-with = { $written } with { $edit }
run-in-the-newest-list-this = in { $year } (the newest list this version has)
run-does-not-start-with-a = «{ $label }» does not start with a KOSTRA function code
run-does-not-start-with-a-2 = «{ $label }» does not start with a KOSTRA function code: { $problem }
run-kostra-function-digits-was-retired = KOSTRA function { $digits } was retired after { $until }
run-kostra-function-digits-was-retired-2 = KOSTRA function { $digits } was retired after { $until }; SSB still accepts it for a transition period (up to { $accepted_until })
run-did-you-mean = did you mean { $suggestions }?
run-it-is-replaced-by = it is replaced by { $codes }
run-check-the-report-s-year = check the report's year, or use the function the year's list has for this
run-if-this-report-is-for = if this report is for one of Oslo's districts, say so in report.yaml: `region:` with the district's code (030101–030115), or organisation «Oslo kommune» with district «Bydel …»
run-digits-has-digit-a-function = «{ $digits }» has { $digits_len ->
    [one] { $digits_len } digit
   *[other] { $digits_len } digits
}; a function code has three
run-digits-has-digits-a-function = «{ $digits }» has { $digits_len } digits; a function code has three
run-written-has-the-letter-letter = «{ $written }» has the letter { $letter } where a digit belongs
run-the-code-digits-is-followed = the code { $digits } is followed by «{ $next }»; put a space between code and name
stage-checked = Checked
stage-wrote = Wrote
stage-finished = Finished
stage-build = build
stage-rendered = Rendered
stage-verified = Verified
stage-published = Published
build-draft-without-errors = note: --draft given, but `check` found no errors: building the final report
build-failed = error: the build failed; the previous output is unchanged
build-pdf = PDF, { $size } kB
build-pdf-draft = PDF, { $size } kB, marked UTKAST
build-html = HTML, { $files } files
build-verified-standards = PDF/A-2a and PDF/UA-1
multi-check-summary = { $reports } reports: { $passed } passed, { $failed } failed, { $unreadable } unreadable
status-passed = passed
status-failed = failed
status-built = built
status-not-built = not built
status-unreadable = unreadable
run-no-function-code = it does not start with a function code
kostra-scope-municipal = every municipality
kostra-scope-oslo = Oslo kommune and its districts
kostra-scope-districts = Oslo's districts
kostra-in-year = in { $year }
kostra-swapped = two digits swapped
kostra-one-digit = one digit different
kostra-extra-digit = one digit left out
kostra-missing-digit = one digit added

## Miscellaneous (images, file names, links)

fix-control-hint = delete the character (in Excel: =RENS(...) / =CLEAN(...) removes them); it often comes from text copied out of another system
fix-glyph-hint = write it with letters instead (emoji, Chinese, Japanese and Korean characters and many symbols are not in the report's fonts), or use a report template with a font that has it
fix-image-extension = «.{ $ext }» is not an image format the PDF can hold (PNG, JPEG, GIF, WebP or SVG)
fix-image-empty = the image file is empty
fix-image-not-an-image = the file is named as a { $format } image but is not an image
fix-image-not-an-image-like = the file is named as a { $format } image but is not an image (it looks like { $what })
fix-image-mismatch = the file is named as a { $format } image but is a { $found } image
fix-image-undecodable = the { $format } image cannot be read: { $reason }
fix-does-not-exist = does not exist
fix-name-empty = it is empty
fix-name-too-long = it is { $n } characters long; at most { $max } are allowed
fix-name-hidden = it starts with a dot (a hidden file)
fix-name-dotdot = it contains `..`
fix-name-trailing-dot = it ends with a dot
fix-name-separator = it contains the folder separator `{ $c }`
fix-name-character = it contains { $what }
fix-a-space = a space ({ $code })
fix-folder-escapes = the folder leads to { $target }, outside the report folder
fix-path-escapes = «{ $path }» in it leads to { $target }, outside the report folder
fix-rounding = rounding
fix-row-column-in = «{ $row }», column `{ $column }` in `{ $table }`
fix-and = { $list } and { $last }
fix-or = { $list } or { $last }
fix-email = an e-mail address is written name@domain.no
fix-host = the address has no valid host name, e.g. https://www.oslo.kommune.no
fix-spaces = an address may not contain spaces; write them as %20
fix-workspace-map = a map with `reports:`, the list of report folders

## Publishing (build/publish.rs)

pub-not-our-folder = { $path } is not arsrapport's folder (it is a file or a link): move it away
pub-in-the-way = { $path } is in the way: arsrapport keeps a link to the current output there; move it away
pub-pdf-is-folder = the PDF path { $path } is a folder: move it away or build into another folder with --out
pub-foreign-link = { $link } points to { $target }, not to an output of arsrapport: move it away
build-rendering-pdf = rendering the PDF
build-rendering-html = rendering the HTML site
fix-extra-cells = extra cells start here
fix-cells-missing = cells missing
ctl-control-character = control character
ctl-backspace = backspace
ctl-vertical-tab = vertical tab
ctl-form-feed = form feed
ctl-next-line = next line (NEL)
ctl-c1 = C1 control character
ctl-noncharacter = noncharacter

## Usage errors of the command line (cli/help.rs; English uses clap's own words)

clap-unknown-argument = unknown option «{ $arg }»
clap-unknown-command = unknown command «{ $command }»
clap-invalid-value = «{ $value }» is not a valid value for { $arg }
clap-missing-argument = missing: { $arg }
clap-did-you-mean = tip: did you mean «{ $suggestion }»?
clap-valid-values = possible values: { $values }
clap-more-help = more with: arsrapport --help

load-sheet-has-no-cells = this sheet has no cells with content in the range read
load-sheet-first-row-holds-headings = the first row of the table holds the column headings; check `sheet:` and `range:`
load-headings-read-from-sheet-row = the column headings are read from the row of { $place }, the first row that is not empty
load-excel-keeps-such-columns-sheet = Excel keeps such columns when cells to the right of the table were once used; delete those columns in Excel, or give `range:`, to get rid of this note
load-write-heading-first-row-sheet = write the column's heading in the table's first row; only the first column (the row labels) may have an empty heading
source-line = line { $line }
source-cell = cell { $cell }
source-sheet-cell = { $file }, sheet «{ $sheet }», cell { $cell }
read-expected-text-or-unchanged = a text, or {"{"}text: …, unchanged: true{"}"}
read-the-text = the text

help-watch = Check and build on every save, and serve the site and the PDF on localhost with a live reload and the findings at the top of every page.
help-examples-watch =
    Examples:
      arsrapport watch min-bydel            then open http://127.0.0.1:8025/ in a browser
      arsrapport watch min-bydel --port 9000
      arsrapport watch --draft              shows a draft (UTKAST) while check finds errors

    Each save re-checks and rebuilds in the same process; a save that breaks the report keeps the
    last good output on screen, with the findings on top. Each good build is also published into
    --out, as `build` does. Ctrl-C stops.
help-arg-watch-dir = The report folder (holds report.yaml). None: $ARSRAPPORT_DIR, else report-data.
help-arg-port = The port on 127.0.0.1 to serve on (0: any free port; the address is printed). Default 8025.
help-arg-watch-out = Output folder: each good build is published here, as `build` does. Default out.
help-arg-watch-draft = Build a draft (every PDF page marked "UTKAST") while `check` finds errors, instead of keeping the last good build.
help-roll-forward = Start next year's report from this year's: the same chapters, tables, rules and facts, the year advanced, last year's figures moved one column back and the new year's cells left `?` for the figures.
help-examples-roll-forward =
    Examples:
      arsrapport roll-forward rapporter/2024 --to rapporter/2025
      arsrapport check rapporter/2025       lists the cells awaiting figures and the unrevised text

    The new folder must not exist yet (or be empty). Its report.yaml gets `previous:` pointing
    back, so `check` compares every figure about earlier years with last year's report.
    See docs/arssyklus.md.
help-diff = Show what changed between two versions of a report: figures, text, tables, sections and facts (two folders, or a folder and a git revision).
help-examples-diff =
    Examples:
      arsrapport diff rapporter/2025-utkast rapporter/2025
      arsrapport diff HEAD~1 rapporter/2025     the folder as committed one revision ago
      arsrapport diff v1:rapporter/2025 rapporter/2025 --format json
      arsrapport diff HEAD rapporter/2025 --html endringer.html
help-templates = Write the built-in PDF and HTML templates into a new folder, to restyle the report beyond `theme:` (see the README in the folder).
help-examples-templates =
    Examples:
      arsrapport templates min-bydel/maler  then `templates: maler` in min-bydel/report.yaml

    The folder must not exist yet (or be empty). Keep the files you change, delete the rest.
build-not-publishing-unfinished = error: not publishing: { $count } table(s) still wait for figures or text(s) are unrevised since last year's report (AR601, AR602). Fill them in, revise or mark the texts `unchanged: true`, or build a draft with --draft.
read-expected-goals-section = the report's goals (a map with city_goals, priorities, approaches)
read-expected-goal = a goal (a map with id, title, description, source)
read-expected-overview = the overview's place (a map with after, title)
read-expected-indicator = an indicator (a map with row, better or band, serves)
read-expected-theme = the report's look (a map with colors, font, logo, cover_image, subtitle)
read-expected-colors = a map of colours, e.g. {"{"}primary: "#2A2859"{"}"}
read-expected-image = an image file, or {"{"}file, alt{"}"}
read-expected-previous-table = a map {"{"}table, rows{"}"} naming last year's table and rows
read-expected-chart = a chart (a map with table, kind, rows, columns)

# --- workbooks, theme, templates, watch (load/workbook, load/files.rs, lower/theme.rs, lower/meta.rs, template_export.rs, cli.rs, watch/) ---
wb-cannot-be-read-as-workbook = it cannot be read as a workbook ({ $error }); is it password-protected or damaged?
wb-cannot-be-read = it cannot be read ({ $reason })
wb-reader-stopped = the reader stopped
wb-sheet-cannot-be-read = the sheet «{ $sheet }» cannot be read ({ $error })
wb-no-worksheets = the workbook has no worksheets
wb-unreadable = «{ $file }»: { $reason }
wb-unreadable-hint = open the file in Excel and save it again as an Excel workbook (.xlsx)
wb-holds-text = «{ $file }» holds text, not a workbook
wb-holds-text-hint = if it is a CSV file, give it a name that ends in .csv; else open it in Excel and save it as an Excel workbook (.xlsx)
wb-which-sheet = «{ $file }» has { $n } sheets; say which one holds the table
wb-which-sheet-label = which sheet?
wb-the-sheets-are = the sheets are { $list }
wb-which-sheet-hint = add `sheet: { $sheet }` (the sheet's name as on its tab in Excel)
wb-no-sheet-named = «{ $file }» has no sheet named «{ $name }»
wb-no-such-sheet = no such sheet
wb-range-names-other-sheet = the range names the sheet «{ $named }», but `sheet:` says «{ $sheet }»
wb-range-names-other-sheet-hint = name the sheet once: in `sheet:`, or before the range (`range: Netto!A1:F12`)
wb-sheet-given-here = sheet: given here
wb-range-no-cells = the range { $range } of sheet «{ $sheet }» has no cells with content
wb-sheet-no-cells = the sheet «{ $sheet }» has no cells with content
wb-too-many-cells = the table would be the cells { $from }:{ $to } of sheet «{ $sheet }», { $cells } cells; at most { $max } can be read as one table
wb-too-many-cells-hint = give the table's cells with `range:`, e.g. `range: A1:F12`, or delete what stands far out in the sheet (in column { $column } or row { $row })
wb-range-not-two-cells = the range «{ $range }» is not two cells separated by `:`
wb-range-no-such-cell = the range «{ $range }» names a cell that does not exist (cells are a column's letters and a row's number, e.g. B3)
wb-range-backwards = the range «{ $range }» starts below or to the right of where it ends
wb-not-a-range = not a range
wb-range-hint = write the table's top-left and bottom-right cells as in Excel, e.g. `range: A1:F12`
wb-formula-no-result = the formula «={ $formula }» in this cell has no saved result
wb-cell-shows-error = the cell shows the error { $error }
wb-no-value = no value
wb-no-value-hint = open the workbook in Excel, make the cell show a figure, and save it (Excel saves each formula's result with it)
theme-colour-no-value = the colour `{ $name }` has no value
theme-colour-no-value-hint = write the colour in quotes, e.g. `{ $name }: "#2A2859"`: without quotes, YAML reads everything from # as a comment
theme-not-a-colour = «{ $value }» is not a colour
theme-expected-hex = expected #rrggbb
theme-colour-hint = write a colour as # and six hexadecimal digits, in quotes, e.g. "#2A2859" (a colour picker or the organisation's design guide gives them)
theme-low-contrast = the colour `{ $name }` { $colour } has too little contrast: { $ratio }:1 for { $what }, at least { $needed }:1 is needed
theme-use-primary = white text on it (cover, table headers) and it as text on white (headings)
theme-use-accent = links in this colour on white
theme-use-light = the primary colour on it (search button, goal rows) and it on the primary colour (the district's name on the cover)
theme-use-tint = body text on it (group rows, note boxes)
theme-too-little-contrast = too little contrast
theme-choose-lighter = choose a lighter shade so that text stays readable (WCAG 2.1 AA)
theme-choose-darker = choose a darker shade so that text stays readable (WCAG 2.1 AA)
theme-unknown-font = «{ $name }» is not one of the embedded fonts
theme-unknown-font-label = unknown font
theme-the-fonts-are = the fonts are { $list }
theme-cover-no-alt = the cover image has no alternative text
theme-add-alt = add `alt:`
theme-cover-alt-hint = write it as `cover_image: {"{"}file: bilder/forside.jpg, alt: "what the image shows"{"}"}`
theme-image-file = the image file, e.g. bilder/logo.png
theme-subtitle-twice = the subtitle is given twice
theme-second-subtitle = second subtitle
theme-first-subtitle = first subtitle
theme-subtitle-twice-hint = keep one of them: `subtitle:` and `theme: subtitle:` are the same setting
tpl-wrote = { "       " }Wrote the built-in templates into { $dir } ({ $count } files)
tpl-next = Next: read { $dir }/README.md; set `templates:` in report.yaml to this folder.
tpl-not-empty = «{ $dir }» already exists and is not an empty folder; `templates` writes only into a new or empty folder, so nothing was written. Choose another folder name
watch-no-folder = error: the report folder { $dir } does not exist
watch-cannot-serve = error: cannot serve on 127.0.0.1:{ $port }: { $error } (is another `watch` running? choose another port with --port)
watch-ctrlc-abrupt = warning: Ctrl-C will end the process abruptly: { $error }
watch-cannot-watch = error: cannot watch { $dir } for changes: { $error }
watch-warning-watching = warning: watching for changes: { $error }
watch-warning = warning: { $warning }
watch-could-not-publish = warning: could not publish into { $out }: { $error } (the preview is up to date)
watch-tag-serving = Serving
watch-serving = { $dir } on { $url } (the PDF: { $url }__arsrapport/pdf)
watch-tag-watching = Watching
watch-watching = { $dir } for changes; Ctrl-C stops
watch-tag-stopped = Stopped
watch-stopped = watching
watch-tag-not-rebuilt = Not rebuilt
watch-not-rebuilt = ({ $why }); still serving the last good build
watch-tag-rebuilt = Rebuilt
watch-rebuilt = in { $total } ms (check { $check } ms, PDF { $pdf } ms, HTML { $html } ms)
watch-tag-findings = Findings
watch-findings-as-before = as before ({ $summary })
watch-build-failed = the build failed: { $error }
watch-check-found-errors = `check` found { $errors } error(s): fix them, acknowledge them in the YAML with a reason, or watch with --draft
watch-banner-not-rebuilt = Not rebuilt: { $why }.
watch-banner-showing-last = Showing the last good build ({ $time }).
watch-banner-nothing-built = Nothing built yet: { $why }.
watch-banner-live = Live preview
watch-banner-built = built { $time }
watch-banner-site = Site
watch-banner-findings = Findings
watch-banner-no-findings = No findings.
watch-page-waiting = When the report checks clean, its site and PDF appear here.
watch-page-no-pdf = No PDF has been built yet.
watch-page-not-found = Not found
watch-page-no-such-page = No such page.
watch-http-too-many = too many connections
watch-http-bad-request = bad request
watch-http-only-get = only GET and HEAD
watch-http-only-local = only for 127.0.0.1 and localhost
# --- cycle ---
cycle-awaiting = { $count ->
    [one] 1 cell of table `{ $table }` still waits for a figure
   *[other] { $count } cells of table `{ $table }` still wait for figures
}
cycle-awaiting-label = waits for a figure
cycle-awaiting-hint = write the figure in place of each `?`; leave the cell empty if the table prints nothing there, or write `*` if the figure is not available
cycle-awaiting-column = «{ $heading }» waits for figures
cycle-awaiting-every-row = «{ $heading }»: every row ({ $count })
cycle-awaiting-more = and { $count } more
cycle-unchanged-not-prose = `unchanged` applies only to paragraphs, notes, list items and comments
cycle-unchanged-not-prose-label = not compared with last year's report
cycle-unchanged-not-prose-hint = remove `unchanged: true` here: this text is not checked for revision
cycle-unrevised = this text is word for word the same as in the { $year } report
cycle-unrevised-label = not revised
cycle-unrevised-hint = revise it for this year, or, if it is meant to stay as it is, mark it: `- p: {"{"}text: …, unchanged: true{"}"}` (see docs/arssyklus.md)
cycle-unrevised-there = the same text in the { $year } report
cycle-mark-unneeded = this text is marked `unchanged: true`, but it differs from every text of last year's report
cycle-mark-unneeded-label = revised after all
cycle-mark-unneeded-hint = remove `unchanged: true` if the text was meant to be revised
cycle-no-report-yaml = there is no report.yaml in { $folder }
cycle-own-folder = it is this report's own folder
cycle-has-errors = it has errors
cycle-other-year = the report in «{ $written }» is for { $found }, not for the year before this one ({ $expected })
cycle-fact-mismatch = the fact «{ $name }» is { $found } here, but the { $year } report published { $expected }
cycle-published-label = the { $year } report: { $expected }
cycle-published-there = published here in the { $year } report
cycle-unreadable = last year's report «{ $written }» cannot be read: { $problem }
cycle-unreadable-label = named here
cycle-unreadable-hint = `previous:` is the folder of last year's report, relative to this one (e.g. `../2024`); run `arsrapport check` on it
cycle-empty-cell = empty
cycle-mismatch = «{ $heading }» of «{ $row }» is { $found } here, but the { $year } report published { $expected }
cycle-mismatch-hint = correct the figure, or, if last year's figure was corrected since, acknowledge this with the reason
cycle-unpaired = { $count ->
    [one] 1 row of table `{ $table }` with figures for earlier years is not in last year's table: { $labels }
   *[other] { $count } rows of table `{ $table }` with figures for earlier years are not in last year's table: { $labels }
}
cycle-not-compared-label = not compared with last year's report
cycle-unpaired-hint = if a row was renamed, say so in the table block: `previous: {"{"}rows: {"{"}"new label": "last year's label"{"}"}{"}"}`
cycle-missing-table = last year's report has no table `{ $table }`
cycle-missing-table-label = named under `previous:`
cycle-table-not-last-year = table `{ $table }` is not in last year's report: its earlier years' figures are not checked
cycle-table-not-last-year-hint = if it had another id last year, write `previous: {"{"}table: <last year's id>{"}"}` in the table block
cycle-roll-unreadable = the report in { $dir } cannot be read: { $problem }; run `arsrapport check { $dir }`
cycle-roll-incomplete = its settings are incomplete
cycle-roll-write = could not write { $path }: { $error }
cycle-roll-not-empty = { $to } already exists and is not empty: give a new folder for next year's report
cycle-roll-inside = { $to } lies inside the report folder { $dir }: put next year's report beside it (e.g. ../{ $name })
cycle-roll-broken = warning: the new report cannot be read as written: { $message } — run `arsrapport check { $dir }` and correct it (and please report this)
cycle-roll-year-by-hand = { $file }:{ $line }: the year in «{ $value }» could not be advanced in place: change it by hand
cycle-roll-facts = report.yaml: { $count ->
    [one] 1 fact kept as it was
   *[other] { $count } facts kept as they were
}: update the figures of this year ({ $names })
cycle-roll-acknowledged = { $file }:{ $line }: table `{ $table }` keeps { $count ->
    [one] 1 acknowledgement
   *[other] { $count } acknowledgements
} of last year's findings: remove those that do not apply to this year's figures (check warns for unused ones)
cycle-roll-workbook = { $file }: table `{ $table }` comes from a workbook (sheet «{ $sheet }»): move its figures a year back in Excel; check lists the headings that still state last year
cycle-roll-kept = { " " }kept { $columns }
cycle-roll-awaiting = { $sep } awaiting figures: { $columns }
cycle-roll-wrote = { "       " }Wrote the { $year } report in { $dir } ({ $files } files; { $awaiting } cells await figures)
cycle-roll-next =
    Next: fill in the cells written `?`, revise the text, then
      arsrapport check { $dir }
      arsrapport diff { $old } { $dir }
cycle-diff-unreadable = the report { $label } cannot be read; run `arsrapport check` on it
cycle-diff-write = could not write { $file }: { $error }
cycle-diff-no-git = could not run git: { $error }
cycle-diff-not-in-repo = { $dir } is not in the git repository
cycle-diff-no-report = there is no report in «{ $path }» at revision { $rev } (no report.yaml)
cycle-diff-header = Changes from { $old } ({ $old_title }, { $old_year }) to { $new } ({ $new_title }, { $new_year })
cycle-diff-none = No changes.
cycle-diff-settings = Settings
cycle-diff-facts = Facts
cycle-diff-tables = Tables
cycle-diff-table = table
cycle-diff-heading = heading
cycle-diff-column = column
cycle-diff-row = row
cycle-diff-empty = (empty)
cycle-diff-sections = Chapters and sections
cycle-diff-text = Text
cycle-diff-summary = changed: { $settings ->
    [one] 1 setting
   *[other] { $settings } settings
}, { $facts ->
    [one] 1 fact
   *[other] { $facts } facts
}, { $tables ->
    [one] 1 table
   *[other] { $tables } tables
} ({ $figures ->
    [one] 1 figure
   *[other] { $figures } figures
}), { $sections ->
    [one] 1 chapter or section
   *[other] { $sections } chapters and sections
}, { $texts ->
    [one] 1 text
   *[other] { $texts } texts
}
cycle-html-lang = en
cycle-html-added = New
cycle-html-removed = Removed
cycle-html-changed = Changed
cycle-html-title = Changes in { $title }
cycle-html-from-to = From { $old } ({ $old_year }) to { $new } ({ $new_year }).
cycle-html-none = No changes.
cycle-html-settings = Settings and facts
cycle-html-name = Name
cycle-html-before = Before
cycle-html-now = Now
cycle-html-change = Change
cycle-html-tables = Tables
cycle-html-sections = Chapters and sections
cycle-html-text = Text
cycle-html-page-title = Changes – { $title }
cycle-html-brand = Changes
cycle-html-columns-added = New columns
cycle-html-columns-removed = Removed columns
cycle-html-rows-added = New rows
cycle-html-rows-removed = Removed rows
cycle-html-heading = Column heading
cycle-html-row = Row
cycle-html-column = Column
# --- expr (figures in text, {{ … }}) ---
expr-first-given-here = first given here
expr-label-cannot-be-read = cannot be read
expr-label-cannot-be-evaluated = cannot be evaluated
expr-label-never-closed = never closed
expr-label-given-again = given again
expr-label-not-in-text = not available in text
expr-label-too-deep = too deep
expr-label-unknown-name = unknown name
expr-label-no-fact = no such fact
expr-label-no-table = no such table
expr-label-no-row = no such row
expr-label-ambiguous-row = more than one row
expr-label-no-column = no such column
expr-label-column-heading = a column heading, not a key
expr-label-awaiting = waits for a figure
expr-label-cannot-compute = cannot be computed
expr-language = text can use fakta.<name>, tabell(…), sum(…), endring(…) and the filters of docs/format.md, "Figures in text"
expr-did-you-mean = did you mean { $suggestion }?
expr-write = write { $form }
expr-got-text = a text
expr-got-number = a number
expr-got-figure = a figure
expr-got-bool = true or false
expr-got-list = a list
expr-got-the-text = the text «{ $text }»
expr-got-bool-value = `{ $value }`
expr-expected-value = a value (fakta.<name>, tabell(…), sum(…), endring(…), a number or a text in quotes)
expr-expected-filter-name = the name of a filter after `|`
expr-expected-field-name = the name of a fact after `fakta.`
expr-expected-index = the name of a fact in quotes, as in fakta["navn"]
expr-expected-argument-name = the name of an argument, as in id="…"
expr-expected-comma-or-close = `,` or `{ $close }`
expr-expected-close = a closing `{ $close }`
expr-expected-filter-or-end = `|` and a filter, or the end of the expression
expr-cannot-be-evaluated = the expression cannot be evaluated
expr-empty = the braces are empty
expr-empty-hint = write a reference such as `{"{{"} fakta.navn {"}}"}`
expr-whitespace-control = `{"{{"}-` and `-{"}}"}` (whitespace control) are not used in text
expr-whitespace-control-hint = write the spaces you want around the braces in the text itself
expr-unexpected-character = the expression cannot be read: «{ $character }» has no meaning here
expr-unclosed-text = the expression cannot be read: the text in quotes that starts here is never closed
expr-unclosed-text-hint = end the text with { $quote }
expr-number-too-large = the number { $number } is too large to compute exactly
expr-number-too-precise = the number { $number } has more decimals than can be kept exactly
expr-ends-early = the expression cannot be read: it ends where { $expected } should come
expr-unexpected = the expression cannot be read: expected { $expected } here, not «{ $found }»
expr-one-value-hint = an expression is one value with optional filters, e.g. `{"{{"} tabell(id="…", rad="…", kolonne="avvik") | kr {"}}"}`
expr-positional = the arguments of a function are named
expr-duplicate-argument = `{ $owner }` is given `{ $argument }=` twice
expr-duplicate-argument-note = each argument is given once
expr-non-ascii-field = a name after `.` may only use the letters a–z, digits and _
expr-non-ascii-field-hint = write a fact with other letters as fakta["navn"]
expr-arithmetic = arithmetic with + - * / is not available in text (it would not be exact)
expr-arithmetic-hint = compute inside the table reference, `kolonne="regnskap - regnskap_fjor"`, or write `endring(fra=…, til=…)`; see docs/format.md, "Figures in text"
expr-concat = joining with `~` cannot be used in text
expr-concat-hint = write the words outside the braces
expr-unsupported = { $what } cannot be used in text
expr-unsupported-not = `not`
expr-unsupported-test = tests with `is`
expr-unsupported-macro = macros
expr-unsupported-comparison = comparisons and `and`/`or`
expr-too-deep = this expression is nested too deeply (more than { $max } levels of brackets, calls and lists)
expr-unknown-name = there is no name `{ $name }` in text
expr-unknown-name-fact-hint = the fact «{ $fact }» is written `fakta.{ $name }`
expr-unknown-name-function-hint = `{ $name }` is a function: write { $form }
expr-unknown-name-filter-hint = `{ $name }` is a filter: write it after a value, as in `{"{{"} fakta.navn | { $name } {"}}"}`
expr-did-you-mean-fakta = did you mean `fakta`?
expr-unknown-name-note = text can use fakta.<name>, tabell(…), sum(…) and endring(…)
expr-fact-not-named = name the fact: `fakta.<name>`
expr-fact-parts = `{ $written }`: a fact is a single figure and has no parts
expr-fact-name-not-quoted = the name of a fact in `[ ]` is written in quotes
expr-fact-name-not-quoted-hint = write fakta["{ $name }"]
expr-unknown-fact = there is no fact «{ $name }»
expr-no-facts-declared = the report declares no facts: add them under `facts:` in report.yaml
expr-facts-declared = facts are declared under `facts:` in report.yaml: { $facts }
expr-unknown-function = there is no function `{ $name }`
expr-functions = functions: { $names }
expr-unknown-filter = there is no filter `{ $name }`
expr-filter-is-function-hint = `{ $name }` is a function: write { $form } as the value, before the filters
expr-filters = filters: { $names }
expr-filter-no-argument = the filter `{ $owner }` has no argument `{ $argument }`
expr-function-no-argument = the function `{ $owner }` has no argument `{ $argument }`
expr-filter-takes-nothing = the filter `{ $owner }` takes no arguments
expr-function-takes-nothing = the function `{ $owner }` takes no arguments
expr-takes = `{ $owner }` takes { $arguments }
expr-missing-argument = `{ $function }` needs `{ $argument }=`
expr-not-text = `{ $argument }=` of `{ $owner }` must be a text in quotes, not { $got }
expr-not-figure = `{ $argument }=` of `{ $owner }` must be a figure, but it is { $got }
expr-not-row-list = `rader=` of `sum` must be a list such as ["100", "110"], not { $got }
expr-not-row-label = `rader=` of `sum` is a list of row labels in quotes, not { $got }
expr-bad-decimals = `desimaler=` of `{ $filter }` must be a whole number from 0 to 10
expr-bad-thousands = `tusenskille=` of `tall` is true or false
expr-filter-input = the filter `{ $filter }` needs a figure, but gets { $got }
expr-result = the expression gives { $got }, not a figure or a text
expr-empty-result = the expression gives empty text
expr-sum-arithmetic = the sum { $problem }
expr-change-arithmetic = the change { $problem }
expr-unknown-table = there is no table with id «{ $id }»
expr-unknown-table-note = a table is named by the `id:` of its `table:` block
expr-unknown-row = table `{ $table }` has no row «{ $row }»
expr-unknown-row-note = a row is named by its label, by its row key, or by the start of its label followed by a space
expr-ambiguous-row = «{ $row }» names { $count } rows of table `{ $table }`
expr-ambiguous-row-hint = write the whole label of the row you mean, or give the rows different labels in the CSV file
expr-unknown-column = table `{ $table }` has no column `{ $column }`
expr-columns = the columns of `{ $table }` are: { $keys }
expr-column-heading = «{ $heading }» is the heading of column `{ $key }` of table `{ $table }`, not its key
expr-column-heading-hint = write kolonne="{ $key }"
expr-column-heading-note = `kolonne=` names a column by its key, as rules do; the heading is what the table prints
expr-bad-formula = the formula «{ $formula }» cannot be read: { $reason }
expr-bad-formula-hint = a formula uses column keys, numbers, + - * / and ( ), e.g. "regnskap - regnskap_fjor"
expr-cell-awaiting = row «{ $row }», column `{ $column }` of table `{ $table }` still waits for its figure (`?`)
expr-cell-malformed = row «{ $row }», column `{ $column }` of table `{ $table }` cannot be used: the row has more or fewer cells than the header
expr-cell-empty = row «{ $row }», column `{ $column }` of table `{ $table }` is empty
expr-cell-not-available = row «{ $row }», column `{ $column }` of table `{ $table }` is `*` (not available)
expr-cell-text = row «{ $row }», column `{ $column }` of table `{ $table }` holds the text «{ $text }», not a figure
expr-formula-missing = has no figure for `{ $key }`
expr-formula-arithmetic = the formula { $problem } in row «{ $row }» of table `{ $table }`
# --- goals and charts ---
goals-overview-after-unknown = the overview follows «{ $written }», which is not in `chapters:`
goals-not-a-chapter-file = not a chapter file
goals-did-you-mean = did you mean `{ $best }`?
goals-did-you-mean-row = did you mean «{ $best }»?
goals-id-not-plain = the goal id «{ $id }» is not a plain name
goals-id-not-plain-hint = write goal ids with letters a–z, digits, `-` and `_`, e.g. `p1` or `mal-3`
goals-id-twice = the goal id «{ $id }» is declared twice
goals-second-declaration = second declaration
goals-first-declaration = first declaration
goals-id-twice-hint = give each goal its own id
goals-none-declared = «{ $id }» names a goal, but report.yaml declares no goals
goals-none-declared-hint = declare the goals once under `goals:` in report.yaml (see docs/format.md, "Goals")
goals-unknown-id = no goal has the id «{ $id }»
goals-unknown-goal = unknown goal
goals-the-goals-are = the goals are: { $list }
goals-named-twice = the goal «{ $id }» is named twice here
goals-second-time = second time
goals-indicator-twice = the indicator «{ $label }» is declared twice
goals-no-row = table `{ $table }` has no row «{ $row }»
goals-no-such-row = no such row
goals-row-ambiguous = «{ $row }» names { $n } rows of table `{ $table }`
goals-write-the-whole-label = write the whole label
goals-better-and-band = an indicator has `better:` or `band:`, not both
goals-better-and-band-hint = with a band the result meets the target inside it; leave `better:` out
goals-no-direction = the indicator does not say which way is better
goals-no-direction-row = the indicator «{ $row }» does not say which way is better
goals-no-direction-hint = add `better: higher` or `better: lower`, or a target band `band: ["95 %", "100 %"]`
goals-band-ends = a band has two ends, this one has { $n }
goals-band-ends-hint = write `band: [from, to]`, e.g. `band: ["95 %", "105 %"]`
goals-band-reversed = the band's first end is above its second
goals-band-reversed-hint = write the lower end first
goals-band-end-not-a-number = the band's end «{ $end }»: { $problem }
goals-no-status-columns = table `{ $table }` has no `resultat` and `maltall` columns to judge an indicator by
goals-no-status-columns-hint = use `kind: indicators`, or name the columns `maltall` and `resultat` in `columns:`
goals-what-id = how measures name the goal, e.g. p1
goals-what-title = the goal as its source document words it
goals-what-after = the chapter file the overview follows
goals-what-row = the indicator's row label
goals-expected-serves = a goal id or a list of goal ids, e.g. `serves: [p1, mal3]`
goals-coverage = goals served by a measure or indicator: { $parts }
goals-coverage-priorities = { $served } of { $all } { $all ->
    [one] priority
   *[other] priorities
}
goals-coverage-city-goals = { $served } of { $all } { $all ->
    [one] city goal
   *[other] city goals
}
goals-coverage-approaches = { $served } of { $all } { $all ->
    [one] approach
   *[other] approaches
}
goals-indicator-statuses = indicators: { $met } met, { $not_met } not met, { $not_measured } not measured
goals-not-reported-but-served = { $goal } «{ $id }» says `not_reported:`, but the report serves it
goals-remove-not-reported = remove `not_reported:`
goals-uncovered = { $goal } «{ $id }» ({ $title }) is served by no measure or indicator
goals-uncovered-label = nothing serves this goal
goals-uncovered-hint = name it in `serves: [{ $id }]` of the measures or indicators that work towards it, or say why with `not_reported:`
charts-what-table = the id of the table to draw
charts-unknown-table = no table has the id «{ $id }»
charts-unknown-table-label = unknown table
charts-did-you-mean = did you mean «{ $best }»?
charts-no-rows = the chart of table `{ $table }` shows no figures: it has no rows
charts-no-rows-hint = name the rows to draw under `rows:`
charts-no-columns = the chart of table `{ $table }` shows no figures: it has no columns
charts-no-columns-hint = name the columns to draw under `columns:`
charts-empty-chart = empty chart
charts-bar-one-series = a bar chart draws one series; this one has { $series }
charts-bar-one-series-hint = write `kind: grouped_bar`, or name one column (one row with `series: rows`)
charts-line-two-points = a line chart needs at least two points
charts-line-two-points-hint = name two or more categories, or write `kind: bar`
charts-wrong-kind = wrong kind
charts-cell-not-available = «*» (not available), not a figure
charts-cell-text = the text «{ $text }», not a figure
charts-cell-nothing = nothing
charts-cell-not-a-figure = the chart draws the cell «{ $row }» × «{ $column }» of table `{ $table }`, which holds { $what }
charts-this-chart-s-table = this chart's table
charts-cell-not-a-figure-hint = leave the row or column out of `rows:`/`columns:`, or fill in the figure
charts-this-cell = this cell
charts-mixed-units = the chart mixes percentages and amounts of table `{ $table }`
charts-mixed-units-label = one axis, one unit
charts-mixed-units-hint = draw the percentages and the amounts in two charts
charts-group-row = «{ $row }» is a group heading of table `{ $table }`, with no figures
charts-group-row-label = group row
charts-no-row = table `{ $table }` has no row «{ $row }»
charts-unknown-row = unknown row
charts-row-ambiguous = «{ $row }» names several rows of table `{ $table }`
charts-ambiguous = ambiguous
charts-write-the-full-label = write the row's full label
charts-label-column = «{ $column }» is the label column of table `{ $table }`
charts-label-column-label = labels, not figures
charts-label-column-hint = the rows' labels name the bars; name columns of figures here
charts-no-column = table `{ $table }` has no column «{ $column }»
charts-unknown-column = unknown column
charts-its-columns-are = its columns are: { $list }

# --- templates (the user's own templates) ---
render-template-errors = { $count ->
    [one] 1 error in templates:
   *[other] { $count } errors in templates:
}
    { $list }
render-could-not-read = could not read { $path }: { $reason }
render-template-not-utf8 = the template is not valid UTF-8
render-save-as-utf8 = save the file as UTF-8
render-template-variables-listed = the variables available to templates are listed in docs/html.md
read-expected-renamed-rows = a map {"{"}this year's row: last year's row{"}"}

# --- template warnings ---
render-template-warnings = { $count ->
    [one] 1 warning from the templates (the PDF was made all the same):
   *[other] { $count } warnings from the templates (the PDF was made all the same):
}
    { $list }
