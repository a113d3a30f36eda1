"""Swedish wording of the fixed strings the annual and interim reports add under reports/."""

SV = {
    "Annual report {year}": "Årsredovisning {year}",
    "Interim report {date}": "Delårsrapport {date}",
}
