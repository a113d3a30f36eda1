"""Swedish wording of the fixed strings the decision register exports add
(`reports/decision_register_pdf.py`, `reports/spreadsheets.py`).

For the translator of resources/locale/sv/LC_MESSAGES/finsam.po: copy these msgstr values
(strings already in the catalogue, such as "Decision", "Category", "Meeting", "Status",
"Year", "Yes", "No" and "Referred back", are listed too, with the catalogue's wording).
`SV_DOMAIN` holds the follow-up statuses and categories of `domain/decisions.py` (marked
with N_() there), which the register prints; the tests install both.
"""

SV = {
    # PDF: heading, running header, summary
    "DECISION REGISTER": "BESLUTSFÖRTECKNING",
    "Decision register": "Beslutsförteckning",
    "Decision register {year}": "Beslutsförteckning {year}",
    "The board": "Styrelsen",
    "Year": "År",
    "Decisions: {count}. Overdue: {overdue}.": "Antal beslut: {count}. Försenade: {overdue}.",
    "No decisions recorded in {year}.": "Inga beslut registrerade {year}.",
    # columns (PDF and spreadsheets)
    "Meeting": "Sammanträde",
    "Meeting date": "Sammanträdesdatum",
    "Matter": "Ärende",
    "Ref. no.": "Dnr",
    "Decision": "Beslut",
    "Category": "Kategori",
    "Responsible": "Ansvarig",
    "Due date": "Senast",
    "Status": "Status",
    "Reported back in": "Återrapporterat i",
    "Legal force": "Laga kraft",  # not "Final from" (the catalogue has "Laga kraft från")
    "Overdue": "Försenad",
    # notes inside the PDF cells
    "Ref. no. {dnr}": "Dnr {dnr}",
    "Minutes not signed": "Protokollet ej justerat",
    "Referred back": "Återremitterat",
    "Due {date}": "Senast {date}",
    "Reported back in {reference}": "Återrapporterat i {reference}",
    "Printed {date}": "Utskriven {date}",
    # spreadsheet values
    "Yes": "Ja",
    "No": "Nej",
}

SV_DOMAIN = {
    "Not started": "Ej påbörjad",
    "In progress": "Pågår",
    "Carried out": "Verkställd",
    "Reported back": "Återrapporterad",
    "Activities": "Insatser",
    "Budget and finance": "Budget och ekonomi",
    "Operational plan": "Verksamhetsplan",
    "Organisation": "Organisation",
    "Delegation": "Delegation",
    "Other": "Annan",
}
