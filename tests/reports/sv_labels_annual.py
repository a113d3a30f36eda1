"""Swedish wording of the fixed strings the annual and interim reports add under reports/
(`reports/annual_pdf.py`, the titles in `reports/data.py`).

For the translator of resources/locale/sv/LC_MESSAGES/finsam.po: copy these msgstr values
(the same pairs are written out as a .po fragment by the annual report's author). Strings
the catalogue already has ("Role", "Function", "Meetings", "Actual", "All activities",
"Participants started") are listed with the catalogue's wording, since this table must cover
every `_()` string under reports/.
"""

SV = {
    "Annual report {year}": "Årsredovisning {year}",
    "Interim report {date}": "Delårsrapport {date}",
    # title page, running header, metadata, contents
    "ANNUAL REPORT": "ÅRSREDOVISNING",
    "INTERIM REPORT": "DELÅRSRAPPORT",
    "Financial year": "Räkenskapsår",
    "Adopted by the board {reference}": "Fastställd av styrelsen {reference}",
    "Draft – not yet adopted by the board": "Utkast – ännu inte fastställd av styrelsen",
    "The period {period}": "Perioden {period}",
    "{title}, {agency}": "{title}, {agency}",
    "Contents": "Innehåll",
    # parts
    "Management report": "Förvaltningsberättelse",
    "Operating statement": "Driftredovisning",
    "Notes": "Noter",
    "Note 1 {title}": "Not 1 {title}",
    "Note {number} {title}": "Not {number} {title}",
    "Appendices": "Bilagor",
    "Appendix {number}: Goal fulfilment": "Bilaga {number}: Måluppfyllelse",
    "Appendix {number}: Participants per activity": "Bilaga {number}: Deltagare per insats",
    # about the agency
    "Members and shares": "Medlemmar och andelar",
    "The board {year}": "Styrelsen {year}",
    "The board {period}": "Styrelsen {period}",
    "Role": "Roll",
    "Function": "Funktion",
    "Period: for those who did not sit the whole period.":
        "Period: för den som inte satt hela perioden.",
    "Meetings": "Sammanträden",
    "The board held no meetings in {period}.": "Styrelsen har inte sammanträtt under {period}.",
    "The board held one meeting in {period}: {dates}.":
        "Styrelsen har haft ett sammanträde under {period}: {dates}.",
    "The board held {count} meetings in {period}: {dates}.":
        "Styrelsen har haft {count} sammanträden under {period}: {dates}.",
    "Auditors": "Revisorer",
    "No auditors have been registered for the period.":
        "Inga revisorer är registrerade för perioden.",
    "Audit firm": "Revisionsbyrå",
    "Period: for those who did not serve the whole period.":
        "Period: för den som inte var revisor hela perioden.",
    "Staff": "Kansli",
    # goals, activities, evaluations
    "The indicators of each goal are in appendix 1.":
        "Indikatorerna för varje mål redovisas i bilaga 1.",
    "Participants started": "Påbörjade",
    "Amounts in SEK; deviation: budget less actual (positive: below budget).":
        "Belopp i kr; avvikelse: budget minus utfall (positiv: under budget).",
    "Participants registered so far in {year}.": "Deltagare registrerade hittills under {year}.",
    "Participant figures per activity are in appendix 2.":
        "Deltagarstatistik per insats redovisas i bilaga 2.",
    "Evaluations finished": "Avslutade utvärderingar",
    # key figures and the financial account
    "Actual {months}": "Utfall {months}",
    "Equity at the end of {year} ({basis}): {amount}, {share} of the year's member "
    "contributions; the charter's threshold is {threshold}.":
        "Eget kapital vid utgången av {year} ({basis}): {amount}, {share} av årets "
        "medlemsbidrag; gränsen i förbundsordningen är {threshold}.",
    "The result for {year} in the operating statement is {actual} against a budgeted "
    "{budget}.":
        "Årets resultat {year} enligt driftredovisningen är {actual} mot budgeterade "
        "{budget}.",
    "The result for {months} is {actual} against {budget} budgeted for those months; the "
    "forecast for the full year is {forecast} against a budgeted {full}.":
        "Resultatet för {months} är {actual} mot {budget} i budget för samma månader; "
        "prognosen för helåret är {forecast} mot budgeterade {full}.",
    "Actual": "Utfall",
    # operating statement
    "Budget full year": "Budget helår",
    "Budget {months}": "Budget {months}",
    "Deviation {months}": "Avvikelse {months}",
    "Deviation full year": "Avvikelse helår",
    "Actuals through {months} {year}.": "Utfall för {months} {year}.",
    "Deviation: the actual against the budget, as the effect on the result (positive: "
    "higher income or lower costs).":
        "Avvikelse: utfallet mot budgeten, som påverkan på resultatet (positiv: högre "
        "intäkter eller lägre kostnader).",
    "Deviation: the actual against the budget for the same months, and the forecast against "
    "the full year's budget, as the effect on the result (positive: higher income or lower "
    "costs). The forecast is the actual to date plus the budget for the months left, unless "
    "one was entered.":
        "Avvikelse: utfallet mot budgeten för samma månader, och prognosen mot helårets "
        "budget, som påverkan på resultatet (positiv: högre intäkter eller lägre kostnader). "
        "Prognosen är utfallet hittills plus budgeten för återstående månader, om ingen "
        "prognos har förts in.",
    "Amounts are rounded to whole kronor.": "Beloppen är avrundade till hela kronor.",
    # statements
    "Note no.": "Not",
    "The statements do not agree": "Räkenskaperna stämmer inte överens",
    "No figures have been entered for this statement.":
        "Inga belopp har förts in för den här räkningen.",
    # signatures
    "The board of {agency}": "Styrelsen för {agency}",
    "Place and date": "Ort och datum",
    "The annual report is signed by the members of the board (ledamöter) sitting on the "
    "day it is signed.":
        "Årsredovisningen skrivs under av de ledamöter som sitter i styrelsen den dag den "
        "skrivs under.",
    # appendices
    "Participants in {year}.": "Deltagare under {year}.",
    "All activities": "Alla insatser",
    "In work or studies after": "I arbete eller studier efter",
    "*: not shown, it rests on counts below {n}.":
        "*: redovisas inte, eftersom andelen bygger på antal under {n}.",
    "Started: {started}. Finished: {finished}.": "Påbörjade: {started}. Avslutade: {finished}.",
}
