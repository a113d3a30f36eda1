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
    # key figures
    "Number": "Antal",
    # one activity
    "Occupation": "Sysselsättning",
    "Income source": "Försörjningskälla",
    "Before": "Före",
    "After": "Efter",
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
    # participants chart's legend reads "Avslutad" until the service gives it its own text
    "Before": "Före",
    "After": "Efter",
    "all activities": "samtliga insatser",
    "Participants per year, {scope}": "Deltagare per år, {scope}",
    "Occupation before and after, {year}": "Sysselsättning före och efter, {year}",
    "Indicators without a goal": "Indikatorer utan mål",
}
