"""PDF documents (ReportLab). Input is plain report data (`reports.data`); no SQL, no Qt.
ReportLab is imported only when a document is rendered, never at start-up."""
