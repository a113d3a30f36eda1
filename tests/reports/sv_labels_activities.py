"""Swedish wording of the fixed strings the activity catalogue adds
(`reports/activities_pdf.py`, `reports/activities_xlsx.py`, `reports/small_counts.py`, the
count axis of `reports/charts.py`, the title in `reports/data.py`).

For the translator of resources/locale/sv/LC_MESSAGES/finsam.po: copy these msgstr values
(strings already in the catalogue — "Evaluations", "Goals", "from {date}", "until {date}" —
are listed with the catalogue's wording). `SV_DOMAIN` holds the words of
`domain/activities.py`, `domain/evaluations.py` and `services/activity_report.py` that the
catalogue prints (statuses, categories, measures, kinds of evaluation, fulfilment, chart
titles and series); the tests install both.
"""

SV = {
    # title, running header, metadata
    "Activity catalogue {year}": "Insatskatalog {year}",
    "ACTIVITY CATALOGUE": "INSATSKATALOG",
    "Activities, participants, goal fulfilment and evaluations {year}":
        "Insatser, deltagare, måluppfyllelse och utvärderingar {year}",
    # key figures
    "Key figures {year}": "Nyckeltal {year}",
    "Activities running in {year}": "Insatser som pågår under {year}",
    "of which individual-targeted": "varav individinriktade",
    "of which structural": "varav strukturövergripande",
    "Participants who started an activity": "Deltagare som påbörjat en insats",
    "of whom {group}": "varav {group}",
    "Participants who finished an activity": "Deltagare som avslutat en insats",
    "Share in work or studies after the activity":
        "Andel i arbete eller studier efter insatsen",
    "Cost per participant, individual-targeted activities":
        "Kostnad per deltagare, individinriktade insatser",
    "Cost per participant: {definition}": "Kostnad per deltagare: {definition}",
    "For {year}: {cost} divided by {count} participants.":
        "För {year}: {cost} delat med {count} deltagare.",
    "not shown (rests on counts below {n})": "visas inte (bygger på antal under {n})",
    "<{n}: fewer than {n} participants (1–{most}); the exact number is not printed.":
        "<{n}: färre än {n} deltagare (1–{most}); det exakta antalet redovisas inte.",
    "..: not printed, so that a number below {n} cannot be worked out from the total.":
        "..: redovisas inte, så att ett antal under {n} inte kan räknas fram ur summan.",
    "Counts below {n} are not drawn.": "Antal under {n} ritas inte.",
    "Number": "Antal",
    # overview
    "Activities {year}": "Insatser {year}",
    "No.": "Nr",
    "Activity": "Insats",
    "Started": "Påbörjade",
    "Actual {year}": "Utfall {year}",
    "Amounts in SEK. The number is the activity's section in this catalogue.":
        "Belopp i kr. Numret är insatsens avsnitt i katalogen.",
    # goal fulfilment
    "Goal fulfilment": "Måluppfyllelse",
    "No goals or indicators are registered.": "Inga mål eller indikatorer är registrerade.",
    "No indicator measures this goal.": "Ingen indikator mäter målet.",
    "Goal and indicator": "Mål och indikator",
    "Baseline": "Utgångsvärde",
    "Target": "Målvärde",
    "Latest": "Senaste",
    "Fulfilment": "Uppfyllelse",
    "Latest: the indicator's most recent value up to {year}.":
        "Senaste: indikatorns senaste värde till och med {year}.",
    # one activity
    "Direction": "Inriktning",
    "Precise direction": "Preciserad inriktning",
    "ESF-financed": "ESF-finansierad",
    "Lead organisation": "Huvudman",
    "Participating members": "Medverkande parter",
    "Period": "Period",
    "Granted amount": "Beviljat belopp",
    "Participants started {year}": "Påbörjade deltagare {year}",
    "Participants finished {year}": "Avslutade deltagare {year}",
    "from {date}": "från {date}",
    "until {date}": "till {date}",
    "Target group": "Målgrupp",
    "Goals": "Mål",
    "Description": "Beskrivning",
    "Participants {year}": "Deltagare {year}",
    "No participant figures for {year}.": "Inga deltagaruppgifter för {year}.",
    "Categories without participants are left out.": "Kategorier utan deltagare visas inte.",
    "Occupation": "Sysselsättning",
    "Income source": "Försörjningskälla",
    "Before": "Före",
    "After": "Efter",
    "Evaluations": "Utvärderingar",
    "evaluator: {name}": "utvärderare: {name}",
    "finished {date}": "avslutad {date}",
    "not finished": "ej avslutad",
    # the workbook's sheets and columns
    "Activities": "Insatser",
    "Participants": "Deltagare",
    "From": "Från",
    "To": "Till",
    "Counts from 1 to {most} are written as the text “<{n}”, and a count that would let one "
    "of them be worked out from the total as “..”: the workbook is a public document like "
    "the printed catalogue.":
        "Antal från 1 till {most} skrivs som texten ”<{n}” och ett antal som skulle låta "
        "något av dem räknas fram ur summan som ”..”: arbetsboken är en allmän handling "
        "precis som den tryckta katalogen.",
    "Measure": "Mått",
    "Goal": "Mål",
    "Indicator": "Indikator",
    "Kind": "Typ",
    "Title": "Titel",
    "Evaluator": "Utvärderare",
    "Finished": "Avslutad",
    "Findings": "Resultat",
}

SV_DOMAIN = {
    # statuses (domain/activities.py)
    "Idea": "Idé",
    "Application received": "Ansökan inkommen",
    "Prepared": "Beredd",
    "Proposal to the board": "Förslag till styrelsen",
    "Granted": "Beviljad",
    "Rejected": "Avslagen",
    "Agreement signed": "Avtal tecknat",
    "Ongoing": "Pågående",
    "Finished": "Avslutad",
    "Final report": "Slutrapport",
    # categories
    "Women": "Kvinnor",
    "Men": "Män",
    "Other or not stated": "Annat eller uppgift saknas",
    "Work": "Arbete",
    "Studies": "Studier",
    "Job-seeking": "Arbetssökande",
    "Other": "Annan",
    "Salary": "Lön",
    "Sickness benefit": "Sjukpenning",
    "Sickness or activity compensation": "Sjuk- eller aktivitetsersättning",
    "Unemployment or activity support": "Arbetslöshetsersättning eller aktivitetsstöd",
    "Social assistance": "Ekonomiskt bistånd",
    "Student aid": "Studiemedel",
    "Other or none": "Annan eller ingen",
    "Other activity or measure": "Annan insats eller åtgärd",
    "Completed as planned": "Genomförd enligt plan",
    "Illness": "Sjukdom",
    "Own wish": "Egen begäran",
    "Moved": "Flyttat",
    "Registration error": "Felregistrering",
    # measures
    "Started, by gender": "Påbörjade, efter kön",
    "Started, by age": "Påbörjade, efter ålder",
    "Finished, by gender": "Avslutade, efter kön",
    "Finished, by age": "Avslutade, efter ålder",
    "Occupation before": "Sysselsättning före",
    "Occupation after": "Sysselsättning efter",
    "Income source before": "Försörjningskälla före",
    "Income source after": "Försörjningskälla efter",
    "Reason for ending": "Avslutningsorsak",
    "Actual cost of the activity in the year (its budget lines) divided by the participants "
    "who started in the year.":
        "Insatsens faktiska kostnad under året (dess budgetrader) delat med antalet "
        "deltagare som påbörjat insatsen under året.",
    # evaluations and fulfilment (domain/evaluations.py)
    "Ongoing follow-up": "Löpande uppföljning",
    "Process evaluation": "Processutvärdering",
    "Outcome or effect evaluation": "Resultat- eller effektutvärdering",
    "Socio-economic evaluation": "Samhällsekonomisk utvärdering",
    "NNS indicators": "NNS-indikatorer",
    "Met": "Uppfyllt",
    "Partly met": "Delvis uppfyllt",
    "Not met": "Ej uppfyllt",
    "No data": "Uppgift saknas",
    # charts and goals (services/activity_report.py)
    "Started": "Påbörjade",
    # "Finished" is also the status above ("Avslutad"): one msgid, one wording, so the
    # participants chart's legend reads "Avslutad" until the service gives it its own text
    "Before": "Före",
    "After": "Efter",
    "all activities": "samtliga insatser",
    "Participants per year, {scope}": "Deltagare per år, {scope}",
    "Occupation before and after, {year}": "Sysselsättning före och efter, {year}",
    "Indicators without a goal": "Indikatorer utan mål",
}
