"""Swedish wording of the fixed strings the budget exports add (`reports/budget_pdf.py`,
`reports/budget_xlsx.py`, `reports/charts.py`, the title in `reports/data.py`).

For the translator of resources/locale/sv/LC_MESSAGES/finsam.po: copy these msgstr values
(strings already in the catalogue, such as "Member", "Share", "Budget", "Status", "Total"
and "Year", are listed with the catalogue's wording). `SV_DOMAIN` holds the budget words
of `domain/budget.py` and `services/budget*.py` that the exports print (areas, focus,
sections, statuses, chart titles, version labels, warnings); the tests install both.
"""

SV = {
    # title, running header
    "Activity plan with budget {year}, plan {first}–{last}":
        "Verksamhetsplan med budget {year}, plan {first}–{last}",
    "ACTIVITY PLAN": "VERKSAMHETSPLAN",
    "{year}, plan {first}–{last}": "{year}, plan {first}–{last}",
    "Org. no. {number}": "Org.nr {number}",
    # financial summary
    "Financial summary": "Ekonomisk sammanställning",
    "The budget for {year} and the plan for {first}–{last}, in kronor.":
        "Budget för {year} och plan för {first}–{last}, i kronor.",
    "Amounts in SEK": "Belopp i kr",
    "Budget {year}": "Budget {year}",
    "Plan {year}": "Plan {year}",
    "Income": "Intäkter",
    "Costs": "Kostnader",
    "Total income": "Summa intäkter",
    "Total costs": "Summa kostnader",
    "Total {name}": "Summa {name}",
    "Individual-targeted activities": "Individinriktade insatser",
    "Structural activities": "Strukturövergripande insatser",
    "Result": "Resultat",
    "Planned use of equity": "Planerat nyttjande av eget kapital",
    # member contributions
    "Member contributions": "Medlemsbidrag",
    "Member": "Medlem",
    "Share": "Andel",
    "Contribution {year}": "Bidrag {year}",
    "Total": "Summa",
    "The contributions line split by the members' shares: first between the state, the "
    "region and the municipalities, then within each.":
        "Medlemsbidragen fördelade efter medlemmarnas andelar: först mellan staten, "
        "regionen och kommunerna, sedan inom varje part.",
    "Försäkringskassan pays the state's share, also for Arbetsförmedlingen.":
        "Försäkringskassan betalar statens andel, även för Arbetsförmedlingen.",
    "There are no members to share the contributions.":
        "Det finns inga medlemmar att fördela medlemsbidragen på.",
    # key figures, equity, warnings
    "Key figures and equity": "Nyckeltal och eget kapital",
    "Shares of the budget for {year}.": "Andelar av budgeten för {year}.",
    "Key figure": "Nyckeltal",
    "Value": "Värde",
    "Board, administration and audit, share of total costs":
        "Styrelse, kansli och revision, andel av kostnaderna",
    "Individual-targeted activities, share of activity costs":
        "Individinriktade insatser, andel av insatskostnaderna",
    "Structural activities, share of activity costs":
        "Strukturövergripande insatser, andel av insatskostnaderna",
    "Equity at the end of {year}, share of the year's contributions":
        "Eget kapital vid utgången av {year}, andel av årets medlemsbidrag",
    "Threshold for equity in the charter": "Gräns för eget kapital i förbundsordningen",
    "Equity": "Eget kapital",
    "Closed years by their actuals, the current year by its forecast, later years by the "
    "budget and the plan. Amounts in kronor.":
        "Avslutade år enligt utfall, innevarande år enligt prognos, senare år enligt budget "
        "och plan. Belopp i kronor.",
    "Year (basis)": "År (underlag)",
    "Equity at start": "Eget kapital vid årets början",
    "Equity at end": "Eget kapital vid årets slut",
    "Share of contributions": "Andel av medlemsbidragen",
    "Warnings": "Varningar",
    "Nothing to warn about.": "Inget att varna för.",
    "Warning": "Varning",
    "Please note": "Observera",
    # follow-up
    "Follow-up {year}, actuals through {period}": "Uppföljning {year}, utfall t.o.m. {period}",
    "Follow-up {year}": "Uppföljning {year}",
    "Budget": "Budget",
    "Actual through {period}": "Utfall t.o.m. {period}",
    "Actual to date": "Utfall hittills",
    "Forecast full year": "Prognos helår",
    "Deviation SEK": "Avvikelse kr",
    "Deviation %": "Avvikelse %",
    "Deviation: the forecast against the budget, as its effect on the result (positive: "
    "higher income or lower costs). The forecast is the actual to date plus the budget for "
    "the months left.":
        "Avvikelse: prognosen mot budgeten, som effekt på resultatet (positiv: högre "
        "intäkter eller lägre kostnader). Prognosen är utfallet hittills plus budgeten för "
        "återstående månader.",
    "* Forecast entered for the line.": "* Prognosen är inlagd för raden.",
    "Contributions received {year}": "Inbetalda medlemsbidrag {year}",
    "Budgeted": "Budgeterat",
    "Received": "Inbetalt",
    "Deviation, percentage points": "Avvikelse, procentenheter",
    "Status": "Status",
    "Percentage points: the deviation as a share of the total contribution.":
        "Procentenheter: avvikelsen som andel av de totala medlemsbidragen.",
    "Marked rows do not follow the shares; the board decides how to settle the difference.":
        "Markerade rader följer inte andelarna; styrelsen beslutar hur skillnaden regleras.",
    # the workbook's sheets and columns
    "Follow-up": "Uppföljning",
    "Key figures": "Nyckeltal",
    "Area": "Område",
    "Line": "Rad",
    "Focus": "Inriktning",
    "Received {year}": "Inbetalt {year}",
    "Forecast entered": "Prognos inlagd",
    "Yes": "Ja",
    "No": "Nej",
    "Year": "År",
    "Basis": "Underlag",
    "Agency": "Förbundet",
    "Document": "Dokument",
    "Version": "Version",
    # charts
    "Charts": "Diagram",
    "SEK thousands": "tkr",
    "No figures to show yet.": "Inga siffror att visa ännu.",
}

SV_DOMAIN = {
    # areas, focus, sections (domain/budget.py)
    "Member contributions": "Medlemsbidrag",
    "Other income": "Övriga intäkter",
    "Board": "Styrelse",
    "Administration": "Kansli",
    "Audit": "Revision",
    "Activities": "Insatser",
    "Individual-targeted": "Individinriktad",
    "Structural": "Strukturövergripande",
    "Basic conditions": "Grundläggande förutsättningar",
    "Goals": "Mål",
    "Priority activities": "Prioriterade insatser",
    "Governance and administration": "Styrning och administration",
    "Comments on the budget": "Kommentarer till budgeten",
    "Total income": "Summa intäkter",
    "Total costs": "Summa kostnader",
    "Proposal": "Förslag",
    "Adopted": "Antagen",
    "Revised": "Reviderad",
    "budget": "budget",
    "forecast": "prognos",
    "actual": "utfall",
    "Not received": "Ej inbetalt",
    "As the shares": "Enligt andelarna",
    "Partly received": "Delvis inbetalt",
    "Deviates from the shares": "Avviker från andelarna",
    **dict(zip(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec"),
               ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov",
                "dec"), strict=True)),
    # services/budget.py, services/budget_report.py
    "{kind} {reference}": "{kind} {reference}",
    "{kind}, adopted {reference}": "{kind}, antagen {reference}",
    "{kind} {date}": "{kind} {date}",
    "§ {number}, {date}": "§ {number}, {date}",
    "Budget and actual per area {year}": "Budget och utfall per område {year}",
    "Costs through {year}, accumulated": "Kostnader under {year}, ackumulerat",
    "Equity at year end": "Eget kapital vid årets slut",
    "Threshold ({percent} % of contributions)": "Gräns ({percent} % av medlemsbidragen)",
    "Contributions per member {year}": "Medlemsbidrag per medlem {year}",
    "Actual to date": "Utfall hittills",
    "Actual": "Utfall",
    "Forecast": "Prognos",
    "Budgeted": "Budgeterat",
    "Received": "Inbetalt",
    "Equity": "Eget kapital",
    "The {basis} for {year} shows a deficit of {deficit} but the equity at the start of the "
    "year is only {equity}: {gap} is not covered. Costs must be reduced or income found "
    "(balance principle).":
        "Enligt {basis} för {year} blir underskottet {deficit}, men det egna kapitalet vid "
        "årets början är bara {equity}: {gap} är inte täckt. Kostnaderna måste minskas eller "
        "intäkter hittas (balanskravet).",
    "By the {basis}, equity at the end of {year} is {equity} = {share} of the year's "
    "contributions, above the threshold of {threshold}. Under Nationella rådet's "
    "recommendation (2013-10-02) equity above a reasonable level can reduce the state's "
    "allocation in later years; plan how the money will be used.":
        "Enligt {basis} är det egna kapitalet vid utgången av {year} {equity} = {share} av "
        "årets medlemsbidrag, över gränsen {threshold}. Enligt Nationella rådets "
        "rekommendation (2013-10-02) kan eget kapital över en rimlig nivå minska statens "
        "tilldelning kommande år; planera hur pengarna ska användas.",
    "{member} has paid {received} against a budgeted {expected} ({deviation}; {pp} "
    "percentage points off its share). Recorded as received; the board decides how to "
    "settle the difference.":
        "{member} har betalat {received} mot budgeterade {expected} ({deviation}; {pp} "
        "procentenheter från sin andel). Registrerat som inbetalt; styrelsen beslutar hur "
        "skillnaden regleras.",
}
