"""Swedish wording of every fixed string the PDF documents use (`finsam_desktop/reports`).

For the translator of resources/locale/sv/LC_MESSAGES/finsam.po: copy these msgstr values.
The tests also install them into the catalogue, so the PDFs are checked in Swedish, and
check that this table covers every `_()` string under reports/.
"""

SV = {
    # running header and footer
    "MINUTES": "SAMMANTRÄDESPROTOKOLL",
    "NOTICE OF MEETING": "KALLELSE",
    "EXTRACT FROM THE MINUTES": "PROTOKOLLSUTDRAG",
    "Minutes": "Sammanträdesprotokoll",
    "Extract from the minutes": "Protokollsutdrag",
    "Meeting date": "Sammanträdesdatum",
    "Page {page} ({pages})": "Sida {page} ({pages})",
    "Chair's initials": "Ordförandes sign.",
    "Adjuster's initials": "Justerandes sign.",
    "Extract certified": "Utdragsbestyrkande",
    "Printed {date}": "Utskriven {date}",
    # attendance and signing
    "Attendance": "Närvaro",  # heading in the web minutes' HTML (already in the catalogue)
    "Place and time": "Plats och tid",
    "Voting members": "Beslutande",
    "Deputies present, not serving": "Ej tjänstgörande ersättare",
    "Others present": "Övriga närvarande",
    "Absent": "Frånvarande",
    "Appointed to sign": "Utses att justera",
    "Time and place of signing": "Justeringens tid och plats",
    "Signatures": "Underskrifter",
    "Signing": "Justering",
    "Paragraphs": "Paragrafer",
    "Secretary": "Sekreterare",
    "Chair": "Ordförande",
    "Adjuster": "Justerare",
    "Signed minutes – the original with signatures is kept by the agency.":
        "Justerat protokoll – originalet med underskrifter finns hos förbundet.",
    "These minutes have not been signed yet.": "Protokollet är ännu inte justerat.",
    "Ordinary meeting": "Ordinarie sammanträde",
    "Extra meeting": "Extra sammanträde",
    "at {start}–{end}": "kl. {start}–{end}",
    "at {start}": "kl. {start}",
    # anslag/bevis
    "NOTICE/CERTIFICATE": "ANSLAG/BEVIS",
    "The minutes have been signed. The signing has been announced by a notice.":
        "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
    "Body": "Organ",
    "Date the notice was posted": "Datum för anslags uppsättande",
    "Date the notice is taken down (earliest)": "Datum för anslags nedtagande (tidigast)",
    "Last day to appeal": "Sista dag för överklagande",
    "Where the minutes are kept": "Förvaringsplats för protokollet",
    "Notice board": "Anslagstavla",
    "Signature": "Underskrift",
    "Control sum: {hash}": "Kontrollsumma: {hash}",
    # paragraphs
    "Decision item": "Beslutsärende",
    "Information item": "Informationsärende",
    "Reported item": "Anmälningsärende",
    "Ref. no. {dnr}": "Dnr {dnr}",
    "Correction of {reference}": "Rättelse av {reference}",
    "{name} declares a conflict of interest and takes no part in handling the matter.":
        "{name} anmäler jäv och deltar inte i handläggningen av ärendet.",
    "Not present for this paragraph: {names}": "Deltar inte i denna paragraf: {names}",
    "Background": "Ärendebeskrivning",
    "Proposed decision": "Förslag till beslut",
    "Motions": "Yrkanden",
    "{name} moves:": "{name} yrkar:",
    "Proposal in the agenda:": "Förslaget i föredragningslistan:",
    "Seconded by {names}.": "Yrkandet biträds av {names}.",
    "The motion was withdrawn.": "Yrkandet återtas.",
    "Order of putting the question": "Propositionsordning",
    "Vote": "Omröstning",
    "Open vote (roll call).": "Öppen omröstning (upprop).",
    "Closed vote (ballot).": "Sluten omröstning.",
    "Yes vote: {yes}. No vote: {no}.": "Ja-röst: {yes}. Nej-röst: {no}.",
    "Qualified majority required: {fraction}.":
        "Beslutet kräver kvalificerad majoritet: {fraction}.",
    "Name": "Namn",
    "Yes": "Ja",
    "No": "Nej",
    "Abstain": "Avstår",
    "Total": "Summa",
    "Result: {yes} yes, {no} no, {abstain} abstaining.":
        "Resultat: {yes} ja, {no} nej, {abstain} avstår.",
    "The chair uses the casting vote.": "Ordföranden använder sin utslagsröst.",
    "Lots are drawn to decide.": "Lottning avgör.",
    "The yes side has won the vote.": "Ja-sidan har vunnit omröstningen.",
    "The no side has won the vote.": "Nej-sidan har vunnit omröstningen.",
    "Decision": "Beslut",
    "The matter is referred back.": "Ärendet återremitteras.",
    "The information is noted.": "Informationen noteras till protokollet.",
    "Reservation": "Reservation",
    "{name} enters a reservation against the decision.": "{name} reserverar sig mot beslutet.",
    "Protocol note": "Protokollsanteckning",
    "{name} makes the following note in the minutes:":
        "{name} lämnar följande protokollsanteckning:",
    "{name} makes a note in the minutes.": "{name} lämnar en protokollsanteckning.",
    "This paragraph is signed immediately.": "Paragrafen justeras omedelbart.",
    "Notify": "Expediering",
    "How to appeal": "Hur man överklagar",
    "The decision can be appealed by a review of legality under chapter 13 of the Local "
    "Government Act (2017:725). The appeal must reach the administrative court within three "
    "weeks of the day the signing of the minutes was announced on the notice board.":
        "Beslutet kan överklagas genom laglighetsprövning enligt 13 kap. kommunallagen "
        "(2017:725). Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor "
        "från den dag då justeringen av protokollet tillkännagavs på anslagstavlan.",
    "Last day to appeal: {date}.": "Sista dag för överklagande: {date}.",
    # extract
    "Signed": "Justerat",
    "Certified true extract": "Rätt utdraget intygar",
    # notice
    "Notice of meeting": "Kallelse till sammanträde",
    "{body} is summoned to a meeting.": "{body} kallas till sammanträde.",
    "Date": "Datum",
    "Time": "Tid",
    "Place": "Plats",
    "Remote participation": "Deltagande på distans",
    "Kind of meeting": "Typ av sammanträde",
    "Summoned": "Kallade",
    "Member organisation": "Medlem",
    "Members of the board": "Ledamöter",
    "Member of the board": "Ledamot",
    "Deputy": "Ersättare",
    "Deputies": "Ersättare",
    "Deputies are summoned to attend even when they do not serve. A member who cannot attend "
    "should say so as soon as possible, so that a deputy can be called in to serve.":
        "Ersättarna kallas att närvara även när de inte tjänstgör. Ledamot som är förhindrad "
        "att delta meddelar det snarast, så att en ersättare kan kallas in att tjänstgöra.",
    "Agenda": "Föredragningslista",
    "Attachment: {name}": "Bilaga: {name}",
}

# the decision register, budget and activity exports (their own tables, for the translator)
from tests.reports.sv_labels_activities import SV as _ACTIVITIES  # noqa: E402
from tests.reports.sv_labels_annual import SV as _ANNUAL  # noqa: E402
from tests.reports.sv_labels_budget import SV as _BUDGET  # noqa: E402
from tests.reports.sv_labels_register import SV as _REGISTER  # noqa: E402

SV = {**SV, **_REGISTER, **_BUDGET, **_ACTIVITIES, **_ANNUAL}
